import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { signInAs } from '@/lib/testing/actors';
import { addAgendaItem, moveItemToNextMeeting, removeAgendaItem } from './agenda';
import { createMeeting } from './create-meeting';
import { getMeeting } from './get-meeting';
import { transitionMeeting } from './meeting-lifecycle';
import { planNextOccurrence } from './next-occurrence';
import { caseIdsBySubjectName } from '@/lib/testing/demo-ids';

let handle: DbHandle;
let regisseur: Actor;
const caseOf: Record<string, string> = {};

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
  regisseur = await signInAs('regisseur@example.org');
  Object.assign(caseOf, await caseIdsBySubjectName(handle.db));
});
afterAll(() => closeDb());

const meeting = (caseIds: string[], recurrence: 'geen' | 'wekelijks' = 'geen') =>
  createMeeting(regisseur, {
    title: 'Casusoverleg',
    kind: 'casusoverleg',
    date: '2027-02-02',
    startTime: '10:00',
    endTime: '11:00',
    chairUserId: regisseur.userId,
    recurrence,
    invitedOrganisationIds: [],
    caseIds,
  });

describe('agenda changes', () => {
  it('keep the agenda numbered without gaps when an item is removed', async () => {
    const { id } = await meeting([caseOf['Jan de Vries']!, caseOf['Sem Bakker']!]);
    await addAgendaItem(regisseur, id, { topic: 'Rondvraag', durationMinutes: 10 });
    const before = (await getMeeting(regisseur, id)).agenda;
    await removeAgendaItem(regisseur, id, before[1]!.id);
    const after = (await getMeeting(regisseur, id)).agenda;
    expect(after.map((a) => [a.position, a.topic ?? a.subjectName])).toEqual([
      [1, 'Jan de Vries'],
      [2, 'Rondvraag'],
    ]);
  });

  it('move an unfinished item to the next meeting once, not twice', async () => {
    const { id } = await meeting([caseOf['Rachid Amrani']!], 'wekelijks');
    await transitionMeeting(regisseur, id, { action: 'plan', version: 1 });
    await transitionMeeting(regisseur, id, { action: 'start', confirmEarly: true, version: 2 });
    const next = await planNextOccurrence(regisseur, id);
    const item = (await getMeeting(regisseur, id)).agenda[0]!;
    await moveItemToNextMeeting(regisseur, id, item.id);
    await expect(moveItemToNextMeeting(regisseur, id, item.id)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Dit agendapunt is al naar een volgend overleg doorgeschoven.',
    });
    expect((await getMeeting(regisseur, next.id)).agenda.map((a) => a.subjectName)).toEqual(['Rachid Amrani']);
  });

  it('refuse to move a case to a next meeting that already has it', async () => {
    const { id } = await meeting([caseOf['Sandra de Boer']!], 'wekelijks');
    const next = await planNextOccurrence(regisseur, id);
    await addAgendaItem(regisseur, next.id, { caseId: caseOf['Sandra de Boer']!, durationMinutes: 15 });
    const item = (await getMeeting(regisseur, id)).agenda[0]!;
    await expect(moveItemToNextMeeting(regisseur, id, item.id)).rejects.toMatchObject({
      message: 'Deze casus staat al op de agenda van het volgende overleg.',
    });
  });
});
