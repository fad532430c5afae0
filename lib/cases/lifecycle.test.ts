import { describe, expect, it } from 'vitest';
import { render, type ErrorLocale } from '@/lib/errors';
import { allowedActions, applyTransition } from './lifecycle';

const v = { version: 1 };
/** A refusal as its reader sees it: the message reference rendered in `locale`. */
const read = (result: ReturnType<typeof applyTransition>, locale: ErrorLocale = 'nl') =>
  result.ok ? result : { ...result, message: render(result.message, locale) };

describe('case lifecycle', () => {
  it('walks aangemeld → triage → actief → monitoring → afgesloten', () => {
    let state = { status: 'aangemeld' as const, pauseReason: null } as Parameters<typeof applyTransition>[0];
    for (const input of [
      { action: 'start_triage', ...v },
      { action: 'triage', decision: 'in_behandeling', reason: 'Voldoet aan criteria', ...v },
      { action: 'to_monitoring', reason: 'Plan loopt', ...v },
      { action: 'close', result: 'Stabiel, terug naar reguliere zorg', ...v },
    ] as const) {
      const result = applyTransition(state, input);
      if (!result.ok) throw new Error(result.message);
      state = { status: result.status, pauseReason: result.pauseReason };
    }
    expect(state.status).toBe('afgesloten');
  });

  it('ends a referral that is not taken on as afgewezen', () => {
    for (const decision of ['advies_aan_melder', 'doorverwijzen', 'geen_actie'] as const) {
      expect(applyTransition({ status: 'triage', pauseReason: null }, { action: 'triage', decision, reason: 'x', ...v })).toEqual({
        ok: true,
        status: 'afgewezen',
        pauseReason: null,
      });
    }
  });

  it('rejects illegal transitions with a message that says why', () => {
    const refused = applyTransition({ status: 'afgesloten', pauseReason: null }, { action: 'to_active', reason: 'x', ...v });
    expect(read(refused)).toEqual({
      ok: false,
      message: 'Terug naar actief gaan kan niet: de casus is afgesloten.',
    });
    expect(read(refused, 'en')).toEqual({ ok: false, message: 'Moving back to active is not possible: the case is closed.' });
    expect(applyTransition({ status: 'aangemeld', pauseReason: null }, { action: 'close', result: 'x', ...v }).ok).toBe(false);
  });

  it('pauses and resumes, and blocks other steps while paused', () => {
    const paused = applyTransition({ status: 'actief', pauseReason: null }, { action: 'pause', pauseReason: 'detentie', ...v });
    expect(paused).toEqual({ ok: true, status: 'actief', pauseReason: 'detentie' });
    const state = { status: 'actief' as const, pauseReason: 'detentie' as const };
    expect(read(applyTransition(state, { action: 'close', result: 'x', ...v }))).toEqual({
      ok: false,
      message: 'Hervat de casus eerst: hij is opgeschort.',
    });
    expect(applyTransition(state, { action: 'pause', pauseReason: 'opname', ...v }).ok).toBe(false);
    expect(allowedActions(state)).toEqual(['resume']);
    expect(applyTransition(state, { action: 'resume', reason: 'Vrijgelaten', ...v })).toEqual({
      ok: true,
      status: 'actief',
      pauseReason: null,
    });
  });
});
