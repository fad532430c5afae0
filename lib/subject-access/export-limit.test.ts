/**
 * The export limit of inzage (AVG art. 15) is counted after the check that the actor may export the
 * case: someone who may not gets the case's own 404 or 403 however often they try (never a 429 or an
 * export), while a regisseur's exports count, and the eleventh within ten minutes is refused.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, rateLimits } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { RATE_LIMITS } from '@/lib/auth/throttle';
import { AppError } from '@/lib/errors';
import { signInAs } from '@/lib/testing/actors';
import { subjectAccessExport } from './export';

const NOW = new Date('2026-03-10T10:00:00+01:00');
const LIMIT = RATE_LIMITS.export.limit;

let handle: DbHandle;
let caseId: string;

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  // Subject names are encrypted: find the case by its decrypted name.
  const all = await handle.db.select({ id: cases.id, name: cases.subjectName }).from(cases);
  caseId = all.find((c) => c.name === 'Jan de Vries')!.id;
});
afterAll(() => closeDb());

async function answer(actor: Actor, at: Date): Promise<string> {
  try {
    await subjectAccessExport(actor, caseId, 'json', at);
    return 'OK';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

const exportCounter = async (actor: Actor) =>
  (await handle.db.select({ hits: rateLimits.hits }).from(rateLimits).where(eq(rateLimits.key, `export:${actor.userId}`)))[0]?.hits ?? 0;

describe('the export limit of inzage', () => {
  it('never answers someone who may not export the case with anything but its 404 or 403', async () => {
    for (const [email, refusal] of [
      ['manager@example.org', 'FORBIDDEN'],
      ['admin@example.org', 'NOT_FOUND'],
      ['ggz@example.org', 'FORBIDDEN'],
    ] as const) {
      const actor = await signInAs(email);
      const answers = [];
      for (let i = 0; i < LIMIT + 3; i++) answers.push(await answer(actor, new Date(NOW.getTime() + i * 1000)));
      expect(new Set(answers), email).toEqual(new Set([refusal]));
      expect(await exportCounter(actor), email).toBe(0);
    }
  });

  it('counts a regisseur exports and refuses the one over the limit with 429', async () => {
    const regisseur = await signInAs('regisseur@example.org');
    const answers = [];
    for (let i = 0; i <= LIMIT; i++) answers.push(await answer(regisseur, new Date(NOW.getTime() + i * 1000)));
    expect(answers).toEqual([...Array<string>(LIMIT).fill('OK'), 'RATE_LIMITED']);
    // A new window later: allowed again.
    expect(await answer(regisseur, new Date(NOW.getTime() + RATE_LIMITS.export.windowMs + LIMIT * 1000 + 1))).toBe('OK');
  });
});
