/**
 * Renaming an account (PATCH /api/v1/me) or an organisation does not rewrite history: progress entries,
 * due-date changes, timeline lines and the chair on the minutes keep the names they were written with;
 * what is written after the rename carries the new name.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreements, meetings, users } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { getOrganisation, updateOrganisation } from '@/lib/admin/organisations';
import { agreementHistory } from '@/lib/agreements/list-agreements';
import { logAction } from '@/lib/agreements/log-action';
import type { Actor } from '@/lib/actor';
import { getTimeline } from '@/lib/cases/case-page';
import { getMeeting } from '@/lib/meetings/get-meeting';
import { signInAs } from '@/lib/testing/actors';
import { getProfile, updateProfile } from './profile';

const NOW = new Date('2026-03-10T10:00:00+01:00');
const POLITIE = 'Politie Midden-Nederland';

let handle: DbHandle;
let politie: Actor;
let regisseur: Actor;
let agreementId: string;
let caseId: string;

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  politie = await signInAs('politie@example.org');
  regisseur = await signInAs('regisseur@example.org');
  const [row] = await handle.db
    .select({ id: agreements.id, caseId: agreements.caseId })
    .from(agreements)
    .where(and(eq(agreements.description, 'Persoonsgerichte aanpak: wekelijkse huisbezoeken')));
  agreementId = row!.id;
  caseId = row!.caseId;
});
afterAll(() => closeDb());

async function rename(actor: Actor, name: string) {
  const { version } = await getProfile(actor);
  await updateProfile(actor, { name, version });
}

describe('names on what was written', () => {
  it('keep the author and organisation of earlier entries after the author and the organisation are renamed', async () => {
    const admin = await signInAs('admin@example.org');
    const before = await agreementHistory(regisseur, agreementId);
    expect(before.actions.map((a) => [a.authorName, a.organisationName])).toEqual([
      ['Mark Jansen', POLITIE],
      ['Mark Jansen', POLITIE],
    ]);

    await rename(politie, 'M. Jansen-Visser');
    await rename(regisseur, 'Ingrid Bakker-de Wit');
    const org = await getOrganisation(admin, politie.organisationId);
    await updateOrganisation(admin, { id: org.id, name: 'Politie Eenheid Utrecht', shortName: org.shortName, domain: org.domain, active: true, version: org.version });

    const after = await agreementHistory(regisseur, agreementId);
    expect(after.actions.map((a) => [a.authorName, a.organisationName])).toEqual([
      ['Mark Jansen', POLITIE],
      ['Mark Jansen', POLITIE],
    ]);

    const timeline = await getTimeline(regisseur, caseId);
    const names = new Set(timeline.map((line) => line.actorName).filter(Boolean));
    expect(names).toContain('Ingrid Bakker');
    expect(names).toContain('Mark Jansen');
    expect(names).not.toContain('Ingrid Bakker-de Wit');
    expect(names).not.toContain('M. Jansen-Visser');
    const progress = timeline.filter((line) => line.kind === 'agreement-action');
    expect(progress.length).toBeGreaterThan(0);
    for (const line of progress) expect(line).toMatchObject({ actorName: 'Mark Jansen', organisationName: POLITIE });
  });

  it('keep the chair on the minutes of a meeting after the chair is renamed', async () => {
    const [regisseurRow] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'regisseur@example.org'));
    const [meeting] = await handle.db.select({ id: meetings.id }).from(meetings).where(and(eq(meetings.chairUserId, regisseurRow!.id), eq(meetings.status, 'afgerond')));
    expect(meeting).toBeDefined();
    // The regisseur was renamed in the test before.
    expect((await getProfile(regisseur)).name).toBe('Ingrid Bakker-de Wit');
    expect((await getMeeting(regisseur, meeting!.id)).chairName).toBe('Ingrid Bakker');
  });

  it('name the author as they are called now on what they write after the rename', async () => {
    await logAction(politie, agreementId, { kind: 'voortgang', note: 'Vierde huisbezoek afgelegd.' }, new Date(NOW.getTime() + 60_000));
    const [newest] = (await agreementHistory(regisseur, agreementId)).actions;
    expect(newest).toMatchObject({ note: 'Vierde huisbezoek afgelegd.', authorName: 'M. Jansen-Visser', organisationName: 'Politie Eenheid Utrecht' });
  });
});
