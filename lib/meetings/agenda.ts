import { and, asc, eq, gt, max, sql } from 'drizzle-orm';
import { agendaItems, cases, meetings, minuteDrafts, type Meeting } from '@/db/schema';
import type { Tx } from '@/db/types';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { AppError, conflict, validation, msg } from '@/lib/errors';
import { withMeeting } from './access';
import { sanitiseMinutes } from './minutes';
import type { AgendaItemInput, RecordItemInput } from './schemas';

const notInProgress = () =>
  new AppError('VALIDATION', msg('meetings.recordDuringMeeting'), {
    status: [msg('common.meetingNotInProgress')],
  });

export function assertEditableAgenda(meeting: Meeting) {
  if (meeting.status === 'afgerond' || meeting.status === 'geannuleerd') {
    throw new AppError('VALIDATION', msg('meetings.agendaFixed'));
  }
}

async function nextPosition(tx: Tx, meetingId: string) {
  const [row] = await tx.select({ last: max(agendaItems.position) }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId));
  return (row?.last ?? 0) + 1;
}

export async function addAgendaItem(actor: Actor, meetingId: unknown, input: AgendaItemInput) {
  return withMeeting(actor, meetingId, 'manage', async (tx, meeting) => {
    assertEditableAgenda(meeting);
    if (input.caseId) {
      const [found] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, input.caseId));
      if (!found) throw validation({ caseId: [msg('meetings.caseDoesNotExist')] });
      const [dup] = await tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.caseId, input.caseId)));
      if (dup) throw validation({ caseId: [msg('meetings.caseAlreadyOnAgenda')] });
    }
    const [item] = await tx
      .insert(agendaItems)
      .values({
        meetingId: meeting.id,
        position: await nextPosition(tx, meeting.id),
        caseId: input.caseId ?? null,
        topic: input.topic ?? null,
        durationMinutes: input.durationMinutes,
        presenterUserId: input.presenterUserId ?? null,
      })
      .returning({ id: agendaItems.id });
    await audit(tx, subjectOf(actor), { action: 'update', entity: 'meeting', entityId: meeting.id, caseId: input.caseId ?? null, details: { agenda: 'added' } });
    return item!;
  });
}

export async function removeAgendaItem(actor: Actor, meetingId: unknown, itemId: string) {
  return withMeeting(actor, meetingId, 'manage', async (tx, meeting) => {
    if (meeting.status !== 'concept' && meeting.status !== 'gepland') {
      throw new AppError('VALIDATION', msg('meetings.removeItemBeforeStart'));
    }
    const removed = await tx
      .delete(agendaItems)
      .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meeting.id)))
      .returning({ id: agendaItems.id });
    if (removed.length === 0) throw new AppError('NOT_FOUND', msg('common.itemNotFound'));
    // Close the gap, so the agenda stays numbered 1, 2, 3 (partners see the numbers of besloten items too).
    const rest = await tx
      .select({ id: agendaItems.id, position: agendaItems.position })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meeting.id))
      .orderBy(asc(agendaItems.position));
    for (const [i, item] of rest.entries()) {
      if (item.position !== i + 1) await tx.update(agendaItems).set({ position: i + 1 }).where(eq(agendaItems.id, item.id));
    }
    await audit(tx, subjectOf(actor), { action: 'update', entity: 'meeting', entityId: meeting.id, details: { agenda: 'removed' } });
  });
}

/** Swaps an item with its neighbour, so the regisseur orders the agenda with up and down. */
export async function moveAgendaItem(actor: Actor, meetingId: unknown, itemId: string, direction: 'up' | 'down') {
  return withMeeting(actor, meetingId, 'manage', async (tx, meeting) => {
    assertEditableAgenda(meeting);
    const items = await tx
      .select({ id: agendaItems.id, position: agendaItems.position })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meeting.id))
      .orderBy(asc(agendaItems.position));
    const i = items.findIndex((it) => it.id === itemId);
    if (i < 0) throw new AppError('NOT_FOUND', msg('common.itemNotFound'));
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= items.length) return;
    await tx.update(agendaItems).set({ position: items[j]!.position }).where(eq(agendaItems.id, items[i]!.id));
    await tx.update(agendaItems).set({ position: items[i]!.position }).where(eq(agendaItems.id, items[j]!.id));
  });
}

/** Minutes, outcome and status of one item, only while the meeting is in progress. */
export async function recordAgendaItem(actor: Actor, meetingId: unknown, itemId: string, input: RecordItemInput, now = new Date()) {
  return withMeeting(actor, meetingId, 'manage', async (tx, meeting) => {
    if (meeting.status !== 'bezig') throw notInProgress();
    const [updated] = await tx
      .update(agendaItems)
      .set({
        ...(input.minutes !== undefined && { minutes: sanitiseMinutes(input.minutes) }),
        ...(input.outcome !== undefined && { outcome: sanitiseMinutes(input.outcome) }),
        ...(input.status && { status: input.status }),
        version: sql`${agendaItems.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meeting.id), eq(agendaItems.version, input.version)))
      .returning({ id: agendaItems.id, version: agendaItems.version, caseId: agendaItems.caseId });
    if (!updated) {
      const [exists] = await tx.select({ id: agendaItems.id }).from(agendaItems).where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meeting.id)));
      throw exists ? conflict() : new AppError('NOT_FOUND', msg('common.itemNotFound'));
    }
    // Saved: the author's draft of this item has done its work (other authors keep theirs).
    await tx.delete(minuteDrafts).where(and(eq(minuteDrafts.agendaItemId, itemId), eq(minuteDrafts.userId, actor.userId)));
    await audit(tx, subjectOf(actor), { action: 'update', entity: 'agenda-item', entityId: itemId, caseId: updated.caseId, details: { minutes: true } });
    return updated;
  });
}

/** An unfinished item goes to the next meeting of the series; that meeting must be planned first. */
export async function moveItemToNextMeeting(actor: Actor, meetingId: unknown, itemId: string) {
  return withMeeting(actor, meetingId, 'manage', async (tx, meeting) => {
    if (!meeting.seriesId) throw new AppError('VALIDATION', msg('meetings.notInSeries'));
    const [item] = await tx.select().from(agendaItems).where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meeting.id)));
    if (!item) throw new AppError('NOT_FOUND', msg('common.itemNotFound'));
    if (item.status === 'besproken') throw new AppError('VALIDATION', msg('meetings.itemAlreadyDiscussed'));
    if (item.status === 'doorgeschoven') throw new AppError('VALIDATION', msg('meetings.itemAlreadyCarriedOver'));
    const [next] = await tx
      .select()
      .from(meetings)
      .where(and(eq(meetings.seriesId, meeting.seriesId), gt(meetings.startsAt, meeting.startsAt), sql`${meetings.status} in ('concept', 'gepland')`))
      .orderBy(asc(meetings.startsAt))
      .limit(1);
    if (!next) throw new AppError('VALIDATION', msg('meetings.planNextFirst'));
    if (item.caseId) {
      const [already] = await tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(eq(agendaItems.meetingId, next.id), eq(agendaItems.caseId, item.caseId)));
      if (already) throw new AppError('VALIDATION', msg('meetings.caseOnNextAgenda'));
    }
    const [moved] = await tx
      .insert(agendaItems)
      .values({
        meetingId: next.id,
        position: await nextPosition(tx, next.id),
        caseId: item.caseId,
        topic: item.topic,
        durationMinutes: item.durationMinutes,
        presenterUserId: item.presenterUserId,
      })
      .returning({ id: agendaItems.id });
    await tx.update(agendaItems).set({ status: 'doorgeschoven', movedToItemId: moved!.id }).where(eq(agendaItems.id, item.id));
    await audit(tx, subjectOf(actor), { action: 'update', entity: 'agenda-item', entityId: item.id, caseId: item.caseId, details: { movedTo: next.id } });
    return { meetingId: next.id, itemId: moved!.id };
  });
}
