import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import {
  agendaItems,
  agreementActions,
  agreementStatusReports,
  agreements,
  meetingInvitees,
  meetingStatusRequests,
  organisations,
  settings as settingsTable,
  type Meeting,
} from '@/db/schema';
import type { Executor, Tx } from '@/db/types';
import { asUser } from '@/db/transaction';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { AppError, validation, msg } from '@/lib/errors';
import type { IsoDay } from '@/lib/calendar/calendar-day';
import type { HolidayOptions } from '@/lib/calendar/holidays';
import { DEFAULT_STAGNATION_SETTINGS, holidayOptionsOf, stagnationSettingsSchema } from '@/lib/stagnation/settings';
import { addWorkingDays } from '@/lib/calendar/working-days';
import { withMeeting } from './access';
import type { StatusReportInput } from './status-round-schemas';
import { literalList } from '@/db/literal-list';
import { isOpenAgreement, OPEN_AGREEMENT_STATUSES } from '@/lib/agreements/statuses';
import { authorize } from '@/lib/access/policy';

/** The statusronde is due the working day before the meeting, on the Amsterdam calendar. */
export function statusRoundDueDate(startsAt: Date, holidays?: HolidayOptions): IsoDay {
  return addWorkingDays(startsAt, -1, { holidays });
}

async function houseHolidays(tx: Executor): Promise<HolidayOptions> {
  const [row] = await tx.select({ value: settingsTable.value }).from(settingsTable).where(eq(settingsTable.key, 'stagnation'));
  const parsed = stagnationSettingsSchema.safeParse(row?.value ?? {});
  return holidayOptionsOf(parsed.success ? parsed.data : DEFAULT_STAGNATION_SETTINGS);
}

/**
 * At planning: every invited organisation that owns open agreements on a case on the agenda is asked
 * for their status. Called again when the meeting moves, which moves the due date along.
 */
export async function requestStatusRound(tx: Tx, meeting: Meeting, now: Date): Promise<number> {
  const dueDate = statusRoundDueDate(meeting.startsAt, await houseHolidays(tx));
  const owners = await queryRows<{ organisation_id: string }>(
    tx,
    sql`select distinct i.organisation_id from meeting_invitees i
        join agenda_items g on g.meeting_id = i.meeting_id and g.case_id is not null
        join agreements a on a.case_id = g.case_id and a.owner_organisation_id = i.organisation_id
                         and a.status in (${literalList(OPEN_AGREEMENT_STATUSES)})
        where i.meeting_id = ${meeting.id}`,
  );
  if (owners.length === 0) return 0;
  await tx
    .insert(meetingStatusRequests)
    .values(owners.map((o) => ({ meetingId: meeting.id, organisationId: o.organisation_id, dueDate, requestedAt: now })))
    .onConflictDoUpdate({ target: [meetingStatusRequests.meetingId, meetingStatusRequests.organisationId], set: { dueDate } });
  return owners.length;
}

export interface StatusRoundAgreement {
  agreementId: string;
  caseNumber: string;
  description: string;
  dueDate: string;
  status: string;
  reportedNote: string | null;
  reportedAt: Date | null;
}
export interface StatusRound {
  meetingId: string;
  title: string;
  startsAt: Date;
  dueDate: string;
  late: boolean;
  agreements: StatusRoundAgreement[];
}

/** Mijn afspraken: the statusrondes asked of the actor's organisation for meetings still ahead. */
export async function listStatusRounds(actor: Actor, now = new Date()): Promise<StatusRound[]> {
  // Asked of partner organisations only: those who see the meetings they are invited to.
  if (authorize(actor, 'meeting.list') !== 'shared') return [];
  return asUser(actor.userId, (tx) => readStatusRounds(tx, actor, now));
}

/** The same inside the caller's transaction (which has set the actor): the home page reads it with the rest of its queue. */
export async function readStatusRounds(tx: Tx, actor: Actor, now: Date): Promise<StatusRound[]> {
  if (authorize(actor, 'meeting.list') !== 'shared') return [];
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
  const rows = await queryRows<{
    meeting_id: string;
    title: string;
    starts_at: string | Date;
    request_due: string | null;
    agreement_id: string;
    case_number: string;
    description: string;
    due_date: string;
    status: string;
    note: string | null;
    reported_at: string | Date | null;
  }>(
    tx,
    // From the invitations, not only the requests written at planning: an organisation invited or a case
    // put on the agenda later is asked too (its due date computed the same way).
    sql`select m.id as meeting_id, m.title, m.starts_at, r.due_date::text as request_due,
               a.id as agreement_id, c.number as case_number, a.description, a.due_date::text as due_date, a.status,
               s.note, s.created_at as reported_at
        from meeting_invitees i
        join meetings m on m.id = i.meeting_id and m.status = 'gepland'
        left join meeting_status_requests r on r.meeting_id = m.id and r.organisation_id = i.organisation_id
        join agenda_items g on g.meeting_id = m.id and g.case_id is not null
        join agreements a on a.case_id = g.case_id and a.owner_organisation_id = i.organisation_id
                         and a.status in (${literalList(OPEN_AGREEMENT_STATUSES)})
        join cases c on c.id = a.case_id
        left join lateral (select note, created_at from agreement_status_reports s
                           where s.meeting_id = m.id and s.agreement_id = a.id order by created_at desc limit 1) s on true
        where i.organisation_id = ${actor.organisationId}
        order by m.starts_at, c.number, a.due_date`,
  );
  const holidays = rows.some((r) => !r.request_due) ? await houseHolidays(tx) : undefined;
  const rounds = new Map<string, StatusRound>();
  for (const row of rows) {
    let round = rounds.get(row.meeting_id);
    if (!round) {
      const dueDate = row.request_due ?? statusRoundDueDate(new Date(row.starts_at), holidays);
      round = {
        meetingId: row.meeting_id,
        title: row.title,
        startsAt: new Date(row.starts_at),
        dueDate,
        late: today > dueDate,
        agreements: [],
      };
      rounds.set(row.meeting_id, round);
    }
    round.agreements.push({
      agreementId: row.agreement_id,
      caseNumber: row.case_number,
      description: row.description,
      dueDate: row.due_date,
      status: row.status,
      reportedNote: row.note,
      reportedAt: row.reported_at ? new Date(row.reported_at) : null,
    });
  }
  return [...rounds.values()];
}

/**
 * The owning partner reports a short status on one of its open agreements on the agenda, before or
 * during the meeting; optionally it also counts as a progress entry on the agreement.
 */
export async function reportStatus(actor: Actor, meetingId: unknown, input: StatusReportInput, now = new Date()) {
  return withMeeting(actor, meetingId, 'read', async (tx, meeting) => {
    if (meeting.status !== 'gepland' && meeting.status !== 'bezig') {
      throw validation({ note: [msg('meetings.statusRoundOver')] }, msg('meetings.statusRoundOver'));
    }
    const [agreement] = await tx
      .select({ id: agreements.id, caseId: agreements.caseId, owner: agreements.ownerOrganisationId, status: agreements.status })
      .from(agreements)
      .innerJoin(agendaItems, and(eq(agendaItems.caseId, agreements.caseId), eq(agendaItems.meetingId, meeting.id)))
      .where(eq(agreements.id, input.agreementId));
    if (!agreement) throw new AppError('NOT_FOUND', msg('meetings.agreementNotOnAgenda'));
    if (authorize(actor, 'agreement.progress', agreement.owner === actor.organisationId ? 'owner' : 'other') !== 'allow') {
      throw new AppError('FORBIDDEN', msg('meetings.onlyOwnerReportsStatus'));
    }
    if (!isOpenAgreement(agreement.status)) {
      throw validation({ agreementId: [msg('meetings.agreementAlreadyClosed')] }, msg('meetings.agreementAlreadyClosed'));
    }
    const [report] = await tx
      .insert(agreementStatusReports)
      .values({
        meetingId: meeting.id,
        agreementId: agreement.id,
        organisationId: actor.organisationId,
        authorUserId: actor.userId,
        authorName: actor.name,
        note: input.note,
        createdAt: now,
      })
      .returning({ id: agreementStatusReports.id });
    if (input.asProgress) {
      // The same as a progress entry logged in Mijn afspraken (lib/agreements/log-action.ts), in this transaction.
      await tx.insert(agreementActions).values({
        agreementId: agreement.id,
        kind: 'voortgang',
        note: input.note,
        authorUserId: actor.userId,
        authorOrganisationId: actor.organisationId,
        createdAt: now,
      });
      await tx
        .update(agreements)
        .set({
          lastProgressAt: now,
          updatedAt: now,
          status: sql`case when ${agreements.status} = 'open' then 'in_uitvoering'::agreement_status else ${agreements.status} end`,
          version: sql`${agreements.version} + 1`,
        })
        .where(eq(agreements.id, agreement.id));
    }
    await audit(tx, subjectOf(actor), {
      action: 'create',
      entity: 'agreement-status-report',
      entityId: report!.id,
      caseId: agreement.caseId,
      details: { meetingId: meeting.id, agreementId: agreement.id, asProgress: input.asProgress },
    });
    return { id: report!.id };
  });
}

export interface ReceivedStatus {
  note: string;
  authorName: string;
  organisationName: string;
  at: Date;
}

/**
 * The afsprakencheck: per agreement whether its owner was asked (invited to the meeting) and the latest
 * status it reported for this meeting, as far as the reader may see.
 */
export async function receivedStatuses(
  actor: Actor,
  meetingId: unknown,
  agreementIds: string[],
): Promise<Map<string, { asked: boolean; latest: ReceivedStatus | null }>> {
  if (agreementIds.length === 0) return new Map();
  return withMeeting(actor, meetingId, 'read', async (tx, meeting) => {
    const owners = await tx
      .select({ id: agreements.id, asked: sql<boolean>`${meetingInvitees.id} is not null` })
      .from(agreements)
      .leftJoin(meetingInvitees, and(eq(meetingInvitees.meetingId, meeting.id), eq(meetingInvitees.organisationId, agreements.ownerOrganisationId)))
      .where(inArray(agreements.id, agreementIds));
    const rows = await tx
      .select({
        agreementId: agreementStatusReports.agreementId,
        note: agreementStatusReports.note,
        authorName: agreementStatusReports.authorName,
        organisationName: organisations.name,
        at: agreementStatusReports.createdAt,
      })
      .from(agreementStatusReports)
      .innerJoin(organisations, eq(organisations.id, agreementStatusReports.organisationId))
      .where(and(eq(agreementStatusReports.meetingId, meeting.id), inArray(agreementStatusReports.agreementId, agreementIds)))
      .orderBy(desc(agreementStatusReports.createdAt));
    const result = new Map<string, { asked: boolean; latest: ReceivedStatus | null }>();
    for (const owner of owners) result.set(owner.id, { asked: owner.asked, latest: null });
    for (const { agreementId, ...rest } of rows) {
      const entry = result.get(agreementId);
      if (entry && !entry.latest) entry.latest = rest;
    }
    return result;
  });
}
