import { asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { agendaItems, cases, meetingInvitees, organisations, users, type Meeting } from '@/db/schema';
import type { Tx } from '@/db/types';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { todayInAmsterdam } from '@/lib/calendar/today';
import { checkedAgreements } from '@/lib/agreements/meeting-check';
import { withMeeting } from './access';
import type { AgendaEntry, MeetingView } from './meeting-views';

const presenter = alias(users, 'presenter');
const invitedUser = alias(users, 'invited_user');

export type { AgendaEntry, MeetingView };

async function loadAgenda(tx: Tx, meeting: Meeting): Promise<AgendaEntry[]> {
  const outline = (
    (await tx.execute(sql`select id, position, duration_minutes as "durationMinutes", status, visible from meeting_agenda_outline(${meeting.id})`)) as unknown as {
      rows: Pick<AgendaEntry, 'id' | 'position' | 'durationMinutes' | 'status' | 'visible'>[];
    }
  ).rows;
  const visibleIds = outline.filter((o) => o.visible).map((o) => o.id);
  const details = visibleIds.length
    ? await tx
        .select({
          id: agendaItems.id,
          caseId: agendaItems.caseId,
          caseNumber: cases.number,
          subjectName: cases.subjectName,
          topic: agendaItems.topic,
          presenterName: presenter.name,
          minutes: agendaItems.minutes,
          outcome: agendaItems.outcome,
          version: agendaItems.version,
        })
        .from(agendaItems)
        .leftJoin(cases, eq(cases.id, agendaItems.caseId))
        .leftJoin(presenter, eq(presenter.id, agendaItems.presenterUserId))
        .where(inArray(agendaItems.id, visibleIds))
    : [];
  const caseIds = details.map((d) => d.caseId).filter((v): v is string => Boolean(v));
  const open = await checkedAgreements(tx, meeting.id, caseIds, todayInAmsterdam());
  return outline.map((o) => {
    const d = details.find((x) => x.id === o.id);
    if (!o.visible || !d) return { ...o, visible: false };
    return { ...o, ...d, openAgreements: open.filter((a) => a.caseId === d.caseId) };
  });
}

/** A meeting with invitees, attendance and its agenda as far as the reader may see it. */
export async function getMeeting(actor: Actor, meetingId: unknown): Promise<MeetingView> {
  return withMeeting(actor, meetingId, 'read', async (tx, meeting) => {
    const invitees = await tx
      .select({
        organisationId: meetingInvitees.organisationId,
        organisationName: organisations.name,
        userName: invitedUser.name,
        attendance: meetingInvitees.attendance,
      })
      .from(meetingInvitees)
      .innerJoin(organisations, eq(organisations.id, meetingInvitees.organisationId))
      .leftJoin(invitedUser, eq(invitedUser.id, meetingInvitees.userId))
      .where(eq(meetingInvitees.meetingId, meeting.id))
      .orderBy(asc(organisations.name));
    const agenda = await loadAgenda(tx, meeting);
    await audit(tx, subjectOf(actor), {
      action: 'view',
      entity: 'meeting',
      entityId: meeting.id,
      details: { caseItems: agenda.filter((a) => a.visible && a.caseId).length },
    });
    // Chair and minute taker as named when they were chosen (drizzle/0022): the minutes keep their names.
    // The API documents chairName as nullable (it was a join); the wider type keeps that contract.
    return { ...meeting, chairName: meeting.chairName as string | null, invitees, agenda };
  });
}

