'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { getActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/actor';
import { formValues, handleForm, signedOut, type ActionState } from '@/lib/forms/action-state';
import { validation, msg } from '@/lib/errors';
import { addAgendaItem, moveAgendaItem, moveItemToNextMeeting, recordAgendaItem, removeAgendaItem } from '@/lib/meetings/agenda';
import { createMeeting } from '@/lib/meetings/create-meeting';
import { inviteOrganisation, setAttendance } from '@/lib/meetings/invitations';
import { rescheduleMeeting, transitionMeeting } from '@/lib/meetings/meeting-lifecycle';
import { planNextOccurrence } from '@/lib/meetings/next-occurrence';
import {
  agendaItemSchema,
  attendanceSchema,
  createMeetingSchema,
  inviteSchema,
  meetingTransitionSchema,
  recordItemSchema,
  rescheduleSchema,
} from '@/lib/meetings/schemas';
import { z as zod } from '@/lib/validation/zod';

const withVersion = (raw: Record<string, unknown>) => ({ ...raw, version: Number(raw.version) });
/** An empty select or text field means "none". */
const emptyToNull = (raw: Record<string, unknown>, ...keys: string[]) => {
  const out = { ...raw };
  for (const key of keys) if (out[key] === '' || out[key] === undefined) out[key] = null;
  return out;
};
/** Checkboxes are named `<field>.<id>`, so the form keeps them ticked after an error; the schema wants the ids. */
const checkedIds = (value: unknown) => (value && typeof value === 'object' ? Object.keys(value) : []);

export async function createMeetingAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut('http.sessionExpired');
  const { state, result } = await handleForm(formData, createMeetingSchema, (input) => createMeeting(actor, input), (raw) => ({
    ...emptyToNull(raw, 'minuteTakerUserId'),
    invitedOrganisationIds: checkedIds(raw.invitedOrganisationIds),
    caseIds: checkedIds(raw.caseIds),
  }));
  if (!result) return state;
  redirect(`/meetings/${result.id}?created=1`);
}

/** The meeting forms share one shape: a hidden meetingId (and itemId), a zod schema, one lib call, a refreshed page. */
async function meetingForm<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  run: (actor: Actor, meetingId: string, itemId: string, input: z.infer<S>) => Promise<unknown>,
  prepare: (raw: Record<string, unknown>) => unknown = (raw) => raw,
): Promise<ActionState> {
  const actor = await getActor();
  // Keep what was typed: the form shows it again, next to the message.
  if (!actor) return signedOut('http.sessionExpired', formValues(formData));
  const meetingId = String(formData.get('meetingId'));
  const itemId = String(formData.get('itemId') ?? '');
  formData.delete('meetingId');
  formData.delete('itemId');
  const { state } = await handleForm(formData, schema, (input) => run(actor, meetingId, itemId, input), prepare);
  if (state.ok) revalidatePath(`/meetings/${meetingId}`);
  return state;
}

export async function transitionMeetingAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return meetingForm(formData, meetingTransitionSchema, (actor, id, _item, input) => transitionMeeting(actor, id, input), withVersion);
}

export async function rescheduleMeetingAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return meetingForm(formData, rescheduleSchema, (actor, id, _item, input) => rescheduleMeeting(actor, id, input), withVersion);
}

export async function inviteOrganisationAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return meetingForm(formData, inviteSchema, (actor, id, _item, input) => inviteOrganisation(actor, id, input), (raw) =>
    emptyToNull(raw, 'userId'),
  );
}

/** Attendance of every invited organisation in one form: `attendance.<organisationId>`, blanks left alone. */
const attendanceFormSchema = zod.strictObject({
  attendance: zod.record(zod.uuid({ message: msg('common.unknownOrganisation') }), zod.string()).default({}),
});

export async function setAttendanceAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return meetingForm(formData, attendanceFormSchema, async (actor, id, _item, input) => {
    for (const [organisationId, value] of Object.entries(input.attendance)) {
      if (!value) continue;
      const parsed = attendanceSchema.safeParse({ organisationId, attendance: value });
      if (!parsed.success) throw validation({ [`attendance.${organisationId}`]: [msg('common.chooseAttendance')] });
      await setAttendance(actor, id, parsed.data);
    }
  });
}

export async function addAgendaItemAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return meetingForm(formData, agendaItemSchema, (actor, id, _item, input) => addAgendaItem(actor, id, input), (raw) =>
    emptyToNull(raw, 'caseId', 'presenterUserId'),
  );
}

const moveSchema = zod.strictObject({ direction: zod.enum(['up', 'down'], { message: msg('meetings.chooseUpOrDown') }) });

export async function moveAgendaItemAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return meetingForm(formData, moveSchema, (actor, id, itemId, input) => moveAgendaItem(actor, id, itemId, input.direction));
}

const noFields = zod.strictObject({});

export async function removeAgendaItemAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return meetingForm(formData, noFields, (actor, id, itemId) => removeAgendaItem(actor, id, itemId));
}

export async function recordAgendaItemAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return meetingForm(formData, recordItemSchema, (actor, id, itemId, input) => recordAgendaItem(actor, id, itemId, input), withVersion);
}

export async function moveItemToNextMeetingAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return meetingForm(formData, noFields, (actor, id, itemId) => moveItemToNextMeeting(actor, id, itemId));
}

export async function planNextMeetingAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut('http.sessionExpired');
  const meetingId = String(formData.get('meetingId'));
  formData.delete('meetingId');
  const { state, result } = await handleForm(formData, noFields, () => planNextOccurrence(actor, meetingId));
  if (!result) return state;
  redirect(`/meetings/${result.id}?planned=1`);
}
