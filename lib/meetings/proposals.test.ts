import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { AppError } from '@/lib/errors';
import { signInAs } from '@/lib/testing/actors';
import { createMeeting } from './create-meeting';
import { amsterdamParts } from './time';
import { agendaCaseOptions } from './form-options';
import { proposeCases, type CaseProposal } from './proposals';
import { caseIdsBySubjectName } from '@/lib/testing/demo-ids';

let handle: DbHandle;
let regisseur: Actor, politie: Actor;
const caseOf: Record<string, string> = {};
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
  regisseur = await signInAs('regisseur@example.org');
  politie = await signInAs('politie@example.org');
  Object.assign(caseOf, await caseIdsBySubjectName(handle.db));
});
afterAll(() => closeDb());

const byName = (list: CaseProposal[]) => Object.fromEntries(list.map((p) => [p.subjectName, p.reasons.map((r) => r.kind)]));

describe('agenda proposals', () => {
  it('propose the demo cases that need the table, each with its reasons', async () => {
    const proposals = await proposeCases(regisseur);
    expect(byName(proposals)).toEqual({
      // Two overdue agreements, one of them reported blocked; discussed two weeks ago.
      'Jan de Vries': ['overdue', 'blocked'],
      // The OM agreement is a month late.
      'Sem Bakker': ['overdue'],
      // Monitored but never on an agenda.
      'Rachid Amrani': ['review'],
      'Sandra de Boer': ['review'],
    });
    const jan = proposals.find((p) => p.subjectName === 'Jan de Vries')!;
    expect(jan.reasons).toEqual([
      { kind: 'overdue', count: 2 },
      { kind: 'blocked', count: 1 },
    ]);
    expect(proposals.find((p) => p.subjectName === 'Rachid Amrani')!.reasons).toEqual([{ kind: 'review', lastDiscussedAt: null }]);
  });

  it('leave out cases already on a coming agenda, paused cases and closed ones', async () => {
    const names = (await proposeCases(regisseur)).map((p) => p.subjectName);
    // Thomas Brouwer and Lucas Jansen are on next week's agenda; Kevin Mulder is in detention.
    for (const name of ['Thomas Brouwer', 'Lucas Jansen', 'Kevin Mulder', 'Dylan Koster', 'Henk Pieters', 'Marloes Verhoef']) {
      expect(names).not.toContain(name);
    }
    const date = amsterdamParts(new Date(Date.now() + 3 * DAY)).date;
    await createMeeting(regisseur, {
      title: 'Extra casusoverleg',
      kind: 'casusoverleg',
      date,
      startTime: '09:00',
      endTime: '10:00',
      chairUserId: regisseur.userId,
      recurrence: 'geen',
      invitedOrganisationIds: [],
      caseIds: [caseOf['Jan de Vries']!],
    });
    expect((await proposeCases(regisseur)).map((p) => p.subjectName)).not.toContain('Jan de Vries');
  });

  it('propose a case triaged in the last 30 days as new, and one not discussed for six weeks for review', async () => {
    const now = new Date();
    await handle.db.update(cases).set({ triagedAt: new Date(now.getTime() - 5 * DAY) }).where(eq(cases.id, caseOf['Sandra de Boer']!));
    await handle.db.update(cases).set({ status: 'actief' }).where(eq(cases.id, caseOf['Sandra de Boer']!));
    // Sem Bakker was discussed 14 days ago: 50 days later he is due for review again.
    const later = new Date(now.getTime() + 36 * DAY);
    const proposals = await proposeCases(regisseur, now);
    expect(proposals.find((p) => p.subjectName === 'Sandra de Boer')!.reasons).toEqual([
      { kind: 'triaged', at: new Date(now.getTime() - 5 * DAY) },
    ]);
    const sem = (await proposeCases(regisseur, later)).find((p) => p.subjectName === 'Sem Bakker')!;
    expect(sem.reasons.map((r) => r.kind)).toEqual(['overdue', 'review']);
    const review = sem.reasons[1] as { lastDiscussedAt: Date };
    expect(now.getTime() - review.lastDiscussedAt.getTime()).toBeGreaterThan(13 * DAY);
  });

  it('are for regisseurs only', async () => {
    await expect(proposeCases(politie)).rejects.toBeInstanceOf(AppError);
    await expect(agendaCaseOptions(politie)).rejects.toBeInstanceOf(AppError);
    const options = await agendaCaseOptions(regisseur);
    expect(options.map((o) => o.subjectName)).toEqual(expect.arrayContaining(['Jan de Vries', 'Marloes Verhoef', 'Rachid Amrani']));
    expect(options.map((o) => o.subjectName)).not.toContain('Dylan Koster');
  });
});
