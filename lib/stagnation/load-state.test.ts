import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { detectSignals } from './detect-signals';
import { loadStagnationState } from './load-state';
import { DEFAULT_STAGNATION_SETTINGS } from './settings';

let handle: DbHandle;
const now = new Date();
beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
});
afterAll(() => closeDb());

describe('the stagnation snapshot of the demo house', () => {
  it('holds open cases only, with the running detention pause and the agreements', async () => {
    const state = await loadStagnationState(handle.db);
    expect(state.cases.map((c) => c.status)).not.toContain('afgesloten');
    const kevin = state.cases.find((c) => c.pauses.length > 0)!;
    expect(kevin.pauses).toEqual([{ from: expect.any(Date), to: null }]);
    expect(state.agreements.length).toBeGreaterThan(10);
  });

  it('gives the signals a regisseur would expect on the demo data', async () => {
    const signals = detectSignals(await loadStagnationState(handle.db), DEFAULT_STAGNATION_SETTINGS, now);
    const rules = new Set(signals.map((s) => s.rule));
    for (const rule of ['agreement_overdue', 'agreement_blocked', 'agreement_due_date_moved', 'referral_unanswered'] as const) {
      expect(rules).toContain(rule);
    }
    // Running it twice on the same snapshot gives the same keys: the sweep can persist idempotently.
    const again = detectSignals(await loadStagnationState(handle.db), DEFAULT_STAGNATION_SETTINGS, now);
    expect(again.map((s) => s.key)).toEqual(signals.map((s) => s.key));
  });
});
