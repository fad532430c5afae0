import { describe, expect, it } from 'vitest';
import { detectSignals, eachSignal } from './detect-signals';
import { aCase, anAgreement, at, settings, state } from './testing';

describe('detectSignals: paused clocks', () => {
  it('does not count the days a case was paused towards its agreements', () => {
    const paused = aCase({ id: 'c1', pauses: [{ from: at('2026-11-13'), to: at('2026-11-17') }] });
    const running = aCase({ id: 'c2' });
    const agreements = [
      anAgreement({ id: 'a1', caseId: 'c1', dueDate: '2026-11-12' }),
      anAgreement({ id: 'a2', caseId: 'c2', dueDate: '2026-11-12' }),
    ];
    const overdue = detectSignals(state([paused, running], agreements), settings(), at('2026-11-18')).filter(
      (s) => s.rule === 'agreement_overdue',
    );
    expect(overdue.map((s) => [s.subject.id, s.message, s.since.toISOString()])).toEqual([
      ['a1', 'Afspraak is 2 werkdagen over de einddatum (12 november 2026).', '2026-11-16T23:00:00.000Z'],
      ['a2', 'Afspraak is 4 werkdagen over de einddatum (12 november 2026).', '2026-11-12T23:00:00.000Z'],
    ]);
  });

  it('stops every clock of a case while its pause is still running', () => {
    const c1 = aCase({ id: 'c1', lastActivityAt: at('2026-11-02'), pauses: [{ from: at('2026-11-13'), to: null }] });
    const a1 = anAgreement({ id: 'a1', caseId: 'c1', dueDate: '2026-11-12', createdAt: at('2026-11-02') });
    expect(detectSignals(state([c1], [a1]), settings(), at('2027-03-01'))).toEqual([]);
    expect(detectSignals(state([{ ...c1, pauses: [] }], [a1]), settings(), at('2027-03-01')).map((s) => s.rule)).toEqual([
      'agreement_no_progress',
      'agreement_overdue',
      'agreement_severely_overdue',
      'case_idle',
    ]);
  });

  it('moves the idle threshold of a case by the working days of its pause', () => {
    const c1 = aCase({ id: 'c1', lastActivityAt: at('2026-09-01'), pauses: [{ from: at('2026-09-14'), to: at('2026-09-28') }] });
    const idle = (now: Date) => detectSignals(state([c1]), settings(), now).filter((s) => s.rule === 'case_idle');
    expect(idle(at('2026-10-26'))).toEqual([]);
    expect(idle(at('2026-10-27')).map((s) => [s.message, s.since.toISOString()])).toEqual([
      [
        'Casus heeft al 30 werkdagen geen overleg, afspraak of voortgang gehad (laatste activiteit op 1 september 2026); de grens is 30 werkdagen.',
        '2026-10-26T23:00:00.000Z',
      ],
    ]);
  });
});

describe('detectSignals: closed cases', () => {
  it('never signals for a case that is afgesloten or afgewezen, nor for its agreements', () => {
    const late = { dueDate: '2026-01-05', createdAt: at('2026-01-02'), dueDateMoves: 4, blockedAt: at('2026-01-03') };
    for (const status of ['afgesloten', 'afgewezen'] as const) {
      const c1 = aCase({ id: 'c1', status, createdAt: at('2026-01-02'), triagedAt: null, lastActivityAt: null });
      const agreements = [1, 2, 3, 4, 5, 6].map((i) => anAgreement({ id: `a${i}`, caseId: 'c1', ...late }));
      expect(detectSignals(state([c1], agreements), settings({ partnerOverdueThreshold: 1 }), at('2026-11-18'))).toEqual([]);
    }
  });
});

describe('detectSignals: determinism', () => {
  const cases = [
    aCase({ id: 'c1', number: '2026-0001', lastActivityAt: at('2026-09-01') }),
    aCase({ id: 'c2', number: '2026-0002', status: 'aangemeld', createdAt: at('2026-11-02'), triagedAt: null }),
    aCase({ id: 'c3', number: '2026-0003', pauses: [{ from: at('2026-11-10'), to: null }] }),
  ];
  const agreements = [
    anAgreement({ id: 'a1', caseId: 'c1', dueDate: '2026-11-04', createdAt: at('2026-09-02'), dueDateMoves: 3 }),
    anAgreement({ id: 'a2', caseId: 'c1', dueDate: '2026-11-05', createdAt: at('2026-11-02'), blockedAt: at('2026-11-06') }),
    anAgreement({ id: 'a3', caseId: 'c3', dueDate: '2026-11-06', createdAt: at('2026-11-02'), ownerOrganisationId: 'org-ggz' }),
  ];
  const now = at('2026-11-18');
  const custom = settings({ partnerOverdueThreshold: 2 });

  it('gives the same signals, in key order, whatever the order of the input', () => {
    const first = detectSignals(state(cases, agreements), custom, now);
    const again = detectSignals(state([...cases].reverse(), [...agreements].reverse()), custom, now);
    expect(again).toEqual(first);
    expect(first.map((s) => s.key)).toEqual([
      'agreement_blocked:a2',
      'agreement_due_date_moved:a1',
      'agreement_no_progress:a1',
      'agreement_no_progress:a2',
      'agreement_overdue:a1',
      'agreement_overdue:a2',
      'agreement_overdue:a3',
      'agreement_severely_overdue:a2',
      'organisation_overdue_agreements:org-politie',
      'referral_unanswered:c2',
    ]);
  });

  it('answers the same after sweeps at other moments and with other holidays', () => {
    const input = state(cases, agreements);
    const first = detectSignals(input, custom, now);
    detectSignals(input, custom, at('2026-12-01'));
    detectSignals(input, { ...custom, goodFridayIsHoliday: false, liberationDay: 'never' }, now);
    expect(detectSignals(input, custom, now)).toEqual(first);
    expect([...eachSignal(input, custom, now)].sort((x, y) => (x.key < y.key ? -1 : 1))).toEqual(first);
  });

  it('does not change its input', () => {
    const input = state(cases, agreements);
    const before = structuredClone(input);
    detectSignals(input, custom, now);
    expect(input).toEqual(before);
  });
});
