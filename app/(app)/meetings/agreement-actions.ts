'use server';

import { revalidatePath } from 'next/cache';
import { createAgreement } from '@/lib/agreements/create-agreement';
import { closeInMeetingSchema, createAgreementSchema, updateAgreementSchema } from '@/lib/agreements/schemas';
import { updateAgreement } from '@/lib/agreements/update-agreement';
import { getActor } from '@/lib/auth/actor';
import { handleForm, signedOut, type ActionState } from '@/lib/forms/action-state';

/** Empty form fields mean "not given". */
const withoutEmpty = (raw: Record<string, unknown>) => Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));

/** The hidden ids of an agreement form in a meeting item; the rest is parsed by the form's schema. */
function take<K extends string>(formData: FormData, ...names: K[]): Record<K, string> {
  const out = Object.fromEntries(names.map((name) => [name, String(formData.get(name) ?? '')])) as Record<K, string>;
  for (const name of names) formData.delete(name);
  return out;
}

function refresh(state: ActionState, meetingId: string, caseId: string) {
  if (!state.ok) return;
  revalidatePath(`/meetings/${meetingId}`);
  revalidatePath(`/cases/${caseId}`);
}

/** "Afspraak maken" inside a case item of a running meeting: linked to the item and the meeting. */
export async function createMeetingAgreementAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const { caseId, meetingId, agendaItemId } = take(formData, 'caseId', 'meetingId', 'agendaItemId');
  const { state } = await handleForm(formData, createAgreementSchema, (input) => createAgreement(actor, caseId, input), (raw) => ({
    ...withoutEmpty(raw),
    meetingId,
    agendaItemId,
  }));
  refresh(state, meetingId, caseId);
  return state;
}

/** The afsprakencheck: a new due date (with its reason) or owner, against the version that was read. */
export async function changeMeetingAgreementAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const { caseId, meetingId, agreementId } = take(formData, 'caseId', 'meetingId', 'agreementId');
  const { state } = await handleForm(formData, updateAgreementSchema, (input) => updateAgreement(actor, agreementId, input), (raw) => {
    const given = withoutEmpty(raw);
    // Choosing an organisation without a professional names nobody.
    if (given.ownerOrganisationId && given.ownerUserId === undefined) given.ownerUserId = null;
    return { ...given, meetingId, version: Number(raw.version) };
  });
  refresh(state, meetingId, caseId);
  return state;
}

/** The afsprakencheck: gedaan, or niet gedaan with its reason category. */
export async function closeMeetingAgreementAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const { caseId, meetingId, agreementId } = take(formData, 'caseId', 'meetingId', 'agreementId');
  const { state } = await handleForm(
    formData,
    closeInMeetingSchema,
    ({ outcome, closeReason, closeNote, version }) =>
      updateAgreement(actor, agreementId, {
        status: outcome === 'gedaan' ? 'gereed' : 'niet_nagekomen',
        ...(outcome === 'niet_gedaan' && { closeReason }),
        closeNote,
        meetingId,
        version,
      }),
    (raw) => ({ ...withoutEmpty(raw), version: Number(raw.version) }),
  );
  refresh(state, meetingId, caseId);
  return state;
}
