import { and, eq, sql } from 'drizzle-orm';
import { agendaItems, minuteDrafts, type Meeting } from '@/db/schema';
import type { Tx } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { AppError, conflict, msg } from '@/lib/errors';
import { z } from '@/lib/validation/zod';
import { authorize } from '@/lib/access/policy';
import { withMeeting } from './access';
import type { DraftView, SavedItemText } from './minute-views';

const version = z.number({ message: msg('common.versionMissing') }).int().positive();

/** One autosave of an item's minutes and outcome; `version` is the draft's version last seen (null: none yet). */
export const saveDraftSchema = z.strictObject({
  minutes: z.string({ message: msg('meetings.minutesMustBeText') }).max(20000, msg('meetings.max20000')),
  outcome: z.string({ message: msg('meetings.outcomeMustBeText') }).max(4000, msg('meetings.max4000')),
  baseVersion: version,
  version: version.nullable(),
});
export type SaveDraftInput = z.infer<typeof saveDraftSchema>;

export type { DraftView, SavedItemText };

const itemNotFound = () => new AppError('NOT_FOUND', msg('common.itemNotFound'));

/**
 * The item the actor may write minutes for: a regisseur, in a meeting that is running. A professional, an
 * unknown item or one of another meeting is a 404, so a draft can neither be written nor probed elsewhere.
 */
async function withWritableItem<T>(actor: Actor, meetingId: unknown, itemId: unknown, fn: (tx: Tx, meeting: Meeting, itemId: string) => Promise<T>) {
  const id = z.uuid().safeParse(itemId);
  if (!id.success || authorize(actor, 'agendaItem.minutes', 'invited') !== 'allow') throw itemNotFound();
  return withMeeting(actor, meetingId, 'manage', async (tx, meeting) => {
    const [item] = await tx
      .select({ id: agendaItems.id, status: agendaItems.status })
      .from(agendaItems)
      .where(and(eq(agendaItems.id, id.data), eq(agendaItems.meetingId, meeting.id)));
    if (!item) throw itemNotFound();
    return fn(tx, meeting, item.id);
  });
}

const view = (row: typeof minuteDrafts.$inferSelect): DraftView => ({
  minutes: row.minutes,
  outcome: row.outcome,
  baseVersion: row.baseVersion,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

/** The actor's own draft of an item, or null; nobody reads another author's draft. */
export async function getDraft(actor: Actor, meetingId: unknown, itemId: unknown): Promise<DraftView | null> {
  return withWritableItem(actor, meetingId, itemId, async (tx, _meeting, id) => {
    const [row] = await tx
      .select()
      .from(minuteDrafts)
      .where(and(eq(minuteDrafts.agendaItemId, id), eq(minuteDrafts.userId, actor.userId)));
    return row ? view(row) : null;
  });
}

/**
 * Saves the actor's draft. The first save creates it (version 1); later saves must name the version they
 * last got, so a stale tab of the same author answers 409 instead of overwriting a newer draft. Drafts are
 * not audited (the final save is): an autosave every few seconds would flood the log with no new fact.
 */
export async function saveDraft(actor: Actor, meetingId: unknown, itemId: unknown, input: SaveDraftInput, now = new Date()): Promise<DraftView> {
  return withWritableItem(actor, meetingId, itemId, async (tx, meeting, id) => {
    if (meeting.status !== 'bezig') {
      throw new AppError('VALIDATION', msg('meetings.minutesDuringMeeting'), { status: [msg('common.meetingNotInProgress')] });
    }
    const values = { minutes: sanitiseDraft(input.minutes), outcome: sanitiseDraft(input.outcome), baseVersion: input.baseVersion, updatedAt: now };
    if (input.version === null) {
      const [created] = await tx
        .insert(minuteDrafts)
        .values({ agendaItemId: id, userId: actor.userId, ...values })
        .onConflictDoNothing()
        .returning();
      if (!created) throw conflict();
      return view(created);
    }
    const [updated] = await tx
      .update(minuteDrafts)
      .set({ ...values, version: sql`${minuteDrafts.version} + 1` })
      .where(and(eq(minuteDrafts.agendaItemId, id), eq(minuteDrafts.userId, actor.userId), eq(minuteDrafts.version, input.version)))
      .returning();
    if (!updated) throw conflict();
    return view(updated);
  });
}

/** The author throws their draft away (after choosing the saved text in the merge view, say). */
export async function discardDraft(actor: Actor, meetingId: unknown, itemId: unknown): Promise<void> {
  await withWritableItem(actor, meetingId, itemId, async (tx, _meeting, id) => {
    await tx.delete(minuteDrafts).where(and(eq(minuteDrafts.agendaItemId, id), eq(minuteDrafts.userId, actor.userId)));
  });
}

/** The item's text as saved now, for the merge view after a 409. */
export async function savedItemText(actor: Actor, meetingId: unknown, itemId: unknown): Promise<SavedItemText> {
  return withWritableItem(actor, meetingId, itemId, async (tx, _meeting, id) => {
    const [row] = await tx
      .select({ minutes: agendaItems.minutes, outcome: agendaItems.outcome, status: agendaItems.status, version: agendaItems.version })
      .from(agendaItems)
      .where(eq(agendaItems.id, id));
    return { minutes: row!.minutes ?? '', outcome: row!.outcome ?? '', status: row!.status, version: row!.version };
  });
}

/** Drafts keep what was typed as typed (trailing spaces and all), minus what minutes never store. */
function sanitiseDraft(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}
