import { describe, expect, it } from 'vitest';
import { detectSignals } from './detect-signals';
import type { SignalRule } from './signal';
import type { StagnationAgreement, StagnationCase } from './stagnation-state';
import { aCase, anAgreement, at, settings, state } from './testing';

function fired(rule: SignalRule, c: Partial<StagnationCase>, now: Date, agreements: Partial<StagnationAgreement>[] = []) {
  const list = agreements.map((a, i) => anAgreement({ id: `a${i + 1}`, caseId: 'c1', ...a }));
  return detectSignals(state([aCase({ id: 'c1', ...c })], list), settings(), now).filter((s) => s.rule === rule);
}

describe('rule: case idle', () => {
  const quiet = { lastActivityAt: at('2026-09-01', 14) };

  it('fires after 30 working days without meeting, agreement or progress', () => {
    expect(fired('case_idle', quiet, at('2026-10-12'))).toEqual([]);
    expect(fired('case_idle', quiet, at('2026-10-13'))).toEqual([
      {
        rule: 'case_idle',
        subject: { type: 'case', id: 'c1' },
        caseId: 'c1',
        since: new Date('2026-10-12T22:00:00Z'),
        message:
          'Casus heeft al 30 werkdagen geen overleg, afspraak of voortgang gehad (laatste activiteit op 1 september 2026); ' +
          'de grens is 30 werkdagen.',
        key: 'case_idle:c1',
      },
    ]);
  });

  it('holds for monitoring, not for a referral', () => {
    expect(fired('case_idle', { ...quiet, status: 'monitoring' }, at('2026-10-13'))).toHaveLength(1);
    expect(fired('case_idle', { ...quiet, status: 'aangemeld', triagedAt: null }, at('2026-10-13'))).toEqual([]);
  });

  it('counts progress on an agreement of the case as activity', () => {
    const progress = [{ createdAt: at('2026-09-02'), lastProgressAt: at('2026-10-01'), status: 'gereed' as const }];
    expect(fired('case_idle', quiet, at('2026-10-13'), progress)).toEqual([]);
  });

  it('counts from triage when nothing has happened yet', () => {
    expect(fired('case_idle', { lastActivityAt: null }, at('2026-10-15'))[0]?.message).toBe(
      'Casus heeft al 30 werkdagen geen overleg, afspraak of voortgang gehad (nog geen activiteit sinds 3 september 2026); ' +
        'de grens is 30 werkdagen.',
    );
  });
});

describe('rule: active case without open agreements', () => {
  it('fires for an active case that has no agreement at all, since its triage', () => {
    expect(fired('case_without_open_agreements', {}, at('2026-11-02'))).toEqual([
      {
        rule: 'case_without_open_agreements',
        subject: { type: 'case', id: 'c1' },
        caseId: 'c1',
        since: new Date('2026-09-03T08:00:00Z'),
        message: 'Casus is actief maar er is nog geen enkele afspraak gemaakt.',
        key: 'case_without_open_agreements:c1',
      },
    ]);
  });

  it('fires once the last agreement closed, dated by that', () => {
    const closed = [
      { status: 'gereed' as const, closedAt: new Date('2026-10-20T12:00:00Z') },
      { status: 'vervallen' as const, lastProgressAt: new Date('2026-10-05T12:00:00Z') },
    ];
    const [signal] = fired('case_without_open_agreements', {}, at('2026-11-02'), closed);
    expect(signal?.message).toBe('Casus is actief maar geen van de 2 afspraken staat nog open of in uitvoering.');
    expect(signal?.since).toEqual(new Date('2026-10-20T12:00:00Z'));
  });

  it('reads closed agreements the snapshot only summarises as if they were listed', () => {
    const settledAgreements = { count: 1, lastClosedAt: new Date('2026-10-20T12:00:00Z') };
    const listed = [{ status: 'vervallen' as const, lastProgressAt: new Date('2026-10-05T12:00:00Z') }];
    const [signal] = fired('case_without_open_agreements', { settledAgreements }, at('2026-11-02'), listed);
    expect(signal?.message).toBe('Casus is actief maar geen van de 2 afspraken staat nog open of in uitvoering.');
    expect(signal?.since).toEqual(new Date('2026-10-20T12:00:00Z'));
    expect(fired('case_without_open_agreements', { settledAgreements }, at('2026-11-02'), [{ status: 'open' }])).toEqual([]);
  });

  it('stays quiet with one agreement in progress, in monitoring, and while the case is paused', () => {
    expect(fired('case_without_open_agreements', {}, at('2026-11-02'), [{ status: 'in_uitvoering' }])).toEqual([]);
    expect(fired('case_without_open_agreements', { status: 'monitoring' }, at('2026-11-02'))).toEqual([]);
    const paused = { pauses: [{ from: at('2026-10-25'), to: null }] };
    expect(fired('case_without_open_agreements', paused, at('2026-11-02'))).toEqual([]);
    const resumed = { pauses: [{ from: at('2026-10-25'), to: at('2026-10-30') }] };
    expect(fired('case_without_open_agreements', resumed, at('2026-11-02'))).toHaveLength(1);
  });
});

describe('rule: referral unanswered', () => {
  const referral = { status: 'aangemeld' as const, createdAt: at('2026-11-02', 10), triagedAt: null };

  it('fires the working day after the norm of 5 working days', () => {
    expect(fired('referral_unanswered', referral, at('2026-11-09'))).toEqual([]);
    expect(fired('referral_unanswered', referral, at('2026-11-10'))).toEqual([
      {
        rule: 'referral_unanswered',
        subject: { type: 'case', id: 'c1' },
        caseId: 'c1',
        since: new Date('2026-11-09T23:00:00Z'),
        message: 'Aanmelding van 2 november 2026 is na 6 werkdagen nog niet beantwoord; de norm is 5 werkdagen.',
        key: 'referral_unanswered:c1',
      },
    ]);
  });

  it('also fires in triage, and not once the triage decision is taken', () => {
    expect(fired('referral_unanswered', { ...referral, status: 'triage' }, at('2026-11-10'))).toHaveLength(1);
    expect(fired('referral_unanswered', { ...referral, status: 'triage', triagedAt: at('2026-11-09') }, at('2026-11-10'))).toEqual([]);
  });

  it('does not count Goede Vrijdag and Tweede Paasdag', () => {
    const overEaster = { ...referral, createdAt: at('2026-04-01') };
    expect(fired('referral_unanswered', overEaster, at('2026-04-10'))).toEqual([]);
    expect(fired('referral_unanswered', overEaster, at('2026-04-13'))[0]?.since).toEqual(new Date('2026-04-12T22:00:00Z'));
  });
});
