import type { Actor } from '@/lib/actor';
import { createMeeting } from '@/lib/meetings/create-meeting';
import { transitionMeeting } from '@/lib/meetings/meeting-lifecycle';

/** A casusoverleg today at `now`, planned and started by the regisseur: the live meeting of a test. Its id. */
export async function startLiveMeeting(regisseur: Actor, invitedOrganisationIds: string[], caseIds: string[], now: Date): Promise<string> {
  const { id } = await createMeeting(regisseur, {
    title: 'Casusoverleg live',
    kind: 'casusoverleg',
    date: now.toISOString().slice(0, 10),
    startTime: '10:00',
    endTime: '12:00',
    location: null,
    recurrence: 'geen',
    chairUserId: regisseur.userId,
    minuteTakerUserId: null,
    invitedOrganisationIds,
    caseIds,
  });
  await transitionMeeting(regisseur, id, { action: 'plan', version: 1 }, now);
  await transitionMeeting(regisseur, id, { action: 'start', version: 2 }, now);
  return id;
}
