import { describe, expect, it } from 'vitest';
import { detectSignals } from './detect-signals';
import type { SignalRule } from './signal';
import { aCase, anAgreement, at, settings, state } from './testing';
import type { StagnationAgreement } from './stagnation-state';

const c1 = aCase({ id: 'c1' });

function fired(rule: SignalRule, agreement: Partial<StagnationAgreement>, now: Date, custom = settings()) {
  const a = anAgreement({ id: 'a1', caseId: 'c1', ...agreement });
  return detectSignals(state([c1], [a]), custom, now).filter((s) => s.rule === rule);
}

describe('rule: agreement overdue', () => {
  it('fires the day after the due date, with the working days it is late', () => {
    expect(fired('agreement_overdue', { dueDate: '2026-11-12' }, at('2026-11-18'))).toEqual([
      {
        rule: 'agreement_overdue',
        subject: { type: 'agreement', id: 'a1' },
        caseId: 'c1',
        since: new Date('2026-11-12T23:00:00Z'),
        message: 'Afspraak is 4 werkdagen over de einddatum (12 november 2026).',
        key: 'agreement_overdue:a1',
      },
    ]);
    expect(fired('agreement_overdue', { dueDate: '2026-11-12' }, at('2026-11-12', 23))).toEqual([]);
  });

  it('does not run over a weekend: due on Friday is one working day late on Monday', () => {
    expect(fired('agreement_overdue', { dueDate: '2026-11-13' }, at('2026-11-14'))).toEqual([]);
    const [signal] = fired('agreement_overdue', { dueDate: '2026-11-13' }, at('2026-11-16'));
    expect(signal?.message).toBe('Afspraak is 1 werkdag over de einddatum (13 november 2026).');
    expect(signal?.since).toEqual(new Date('2026-11-15T23:00:00Z'));
  });

  it('waits for the grace days', () => {
    const grace = settings({ overdueGraceDays: 2 });
    expect(fired('agreement_overdue', { dueDate: '2026-11-12' }, at('2026-11-16'), grace)).toEqual([]);
    const [signal] = fired('agreement_overdue', { dueDate: '2026-11-12' }, at('2026-11-17'), grace);
    expect(signal?.message).toBe('Afspraak is 3 werkdagen over de einddatum (12 november 2026); de coulance is 2 werkdagen.');
    expect(signal?.since).toEqual(new Date('2026-11-16T23:00:00Z'));
  });

  it('does not count Goede Vrijdag and the Easter days of 2026', () => {
    const due = { dueDate: '2026-04-02', createdAt: at('2026-03-20') };
    expect(fired('agreement_overdue', due, at('2026-04-06'))).toEqual([]);
    const [signal] = fired('agreement_overdue', due, at('2026-04-07'));
    expect(signal?.message).toBe('Afspraak is 1 werkdag over de einddatum (2 april 2026).');
    expect(signal?.since).toEqual(new Date('2026-04-06T22:00:00Z'));
  });

  it('does not count Koningsdag on Monday 27 April 2026, but counts Monday 28 April 2025', () => {
    expect(fired('agreement_overdue', { dueDate: '2026-04-24', createdAt: at('2026-04-01') }, at('2026-04-27'))).toEqual([]);
    expect(fired('agreement_overdue', { dueDate: '2026-04-24', createdAt: at('2026-04-01') }, at('2026-04-28'))[0]?.since).toEqual(
      new Date('2026-04-27T22:00:00Z'),
    );
    const [in2025] = fired('agreement_overdue', { dueDate: '2025-04-25', createdAt: at('2025-04-01') }, at('2025-04-28'));
    expect(in2025?.message).toBe('Afspraak is 1 werkdag over de einddatum (25 april 2025).');
  });

  it('does not count Christmas and New Year', () => {
    const [signal] = fired('agreement_overdue', { dueDate: '2026-12-24', createdAt: at('2026-12-01') }, at('2027-01-04'));
    expect(signal?.message).toBe('Afspraak is 5 werkdagen over de einddatum (24 december 2026).');
    expect(signal?.since).toEqual(new Date('2026-12-27T23:00:00Z'));
  });

  it('ignores agreements that are done, not kept or lapsed, and fires for those in progress', () => {
    for (const status of ['gereed', 'niet_nagekomen', 'vervallen'] as const) {
      expect(fired('agreement_overdue', { dueDate: '2026-11-12', status }, at('2026-11-18'))).toEqual([]);
    }
    expect(fired('agreement_overdue', { dueDate: '2026-11-12', status: 'in_uitvoering' }, at('2026-11-18'))).toHaveLength(1);
  });
});

describe('rule: agreement severely overdue', () => {
  const twoDayTerm = { createdAt: at('2026-11-02'), dueDate: '2026-11-04' };

  it('fires once late by three times its own term', () => {
    expect(fired('agreement_severely_overdue', twoDayTerm, at('2026-11-11'))).toEqual([]);
    expect(fired('agreement_severely_overdue', twoDayTerm, at('2026-11-12'))).toEqual([
      {
        rule: 'agreement_severely_overdue',
        subject: { type: 'agreement', id: 'a1' },
        caseId: 'c1',
        since: new Date('2026-11-11T23:00:00Z'),
        message: 'Afspraak is 6 werkdagen over de einddatum (4 november 2026), ten minste 3 × de oorspronkelijke termijn van 2 werkdagen.',
        key: 'agreement_severely_overdue:a1',
      },
    ]);
  });

  it('follows the factor in the settings', () => {
    const [signal] = fired('agreement_severely_overdue', twoDayTerm, at('2026-11-11'), settings({ severeOverdueFactor: 2.5 }));
    expect(signal?.message).toBe(
      'Afspraak is 5 werkdagen over de einddatum (4 november 2026), ten minste 2,5 × de oorspronkelijke termijn van 2 werkdagen.',
    );
  });

  it('treats an agreement due the day it was made as a term of one working day', () => {
    const sameDay = { createdAt: at('2026-11-04'), dueDate: '2026-11-04' };
    expect(fired('agreement_severely_overdue', sameDay, at('2026-11-06'))).toEqual([]);
    expect(fired('agreement_severely_overdue', sameDay, at('2026-11-09'))[0]?.message).toBe(
      'Afspraak is 3 werkdagen over de einddatum (4 november 2026), ten minste 3 × de oorspronkelijke termijn van 1 werkdag.',
    );
  });

  it('measures the term from the original due date and the lateness from the current one', () => {
    const moved = { createdAt: at('2026-11-02'), originalDueDate: '2026-11-04', dueDate: '2026-11-06', dueDateMoves: 1 };
    expect(fired('agreement_severely_overdue', moved, at('2026-11-13'))).toEqual([]);
    expect(fired('agreement_severely_overdue', moved, at('2026-11-16'))[0]?.message).toBe(
      'Afspraak is 6 werkdagen over de einddatum (6 november 2026), ten minste 3 × de oorspronkelijke termijn van 2 werkdagen.',
    );
  });
});

describe('rule: no progress', () => {
  it('fires after 10 working days without a progress entry', () => {
    const progress = { lastProgressAt: at('2026-11-02', 15) };
    expect(fired('agreement_no_progress', progress, at('2026-11-13'))).toEqual([]);
    expect(fired('agreement_no_progress', progress, at('2026-11-16'))).toEqual([
      {
        rule: 'agreement_no_progress',
        subject: { type: 'agreement', id: 'a1' },
        caseId: 'c1',
        since: new Date('2026-11-15T23:00:00Z'),
        message: 'Al 10 werkdagen geen voortgang gemeld (laatste voortgang op 2 november 2026); de grens is 10 werkdagen.',
        key: 'agreement_no_progress:a1',
      },
    ]);
  });

  it('counts from the creation when nothing was ever logged', () => {
    expect(fired('agreement_no_progress', { createdAt: at('2026-11-02') }, at('2026-11-16'))[0]?.message).toBe(
      'Al 10 werkdagen geen voortgang gemeld (afspraak gemaakt op 2 november 2026, nooit voortgang gemeld); de grens is 10 werkdagen.',
    );
  });

  it('does not count Hemelvaartsdag and Tweede Pinksterdag', () => {
    const progress = { createdAt: at('2026-05-01'), lastProgressAt: at('2026-05-12') };
    expect(fired('agreement_no_progress', progress, at('2026-05-27'))).toEqual([]);
    expect(fired('agreement_no_progress', progress, at('2026-05-28'))[0]?.since).toEqual(new Date('2026-05-27T22:00:00Z'));
  });
});

describe('rule: due date moved', () => {
  const moved = {
    createdAt: at('2026-09-15'),
    originalDueDate: '2026-10-01',
    dueDate: '2026-11-12',
    dueDateMoves: 2,
    lastDueDateMoveAt: new Date('2026-10-20T10:00:00Z'),
  };

  it('fires at the second move, dated by that move', () => {
    expect(fired('agreement_due_date_moved', moved, at('2026-11-02'))).toEqual([
      {
        rule: 'agreement_due_date_moved',
        subject: { type: 'agreement', id: 'a1' },
        caseId: 'c1',
        since: new Date('2026-10-20T10:00:00Z'),
        message: 'De einddatum is 2 keer verschoven (oorspronkelijk 1 oktober 2026, nu 12 november 2026); de grens is 2 keer.',
        key: 'agreement_due_date_moved:a1',
      },
    ]);
  });

  it('stays quiet below the threshold and dates by creation when the move time is unknown', () => {
    expect(fired('agreement_due_date_moved', { ...moved, dueDateMoves: 1 }, at('2026-11-02'))).toEqual([]);
    expect(fired('agreement_due_date_moved', { ...moved, lastDueDateMoveAt: null }, at('2026-11-02'))[0]?.since).toEqual(at('2026-09-15'));
  });
});

describe('rule: reported blocked', () => {
  const blocked = { blockedAt: new Date('2026-11-03T10:15:00Z'), blockedReason: 'Betrokkene weigert contact met J. Jansen' };

  it('fires from the moment it was reported, without copying the free-text reason', () => {
    const signals = fired('agreement_blocked', blocked, at('2026-11-04'));
    expect(signals).toEqual([
      {
        rule: 'agreement_blocked',
        subject: { type: 'agreement', id: 'a1' },
        caseId: 'c1',
        since: new Date('2026-11-03T10:15:00Z'),
        message: 'Afspraak is op 3 november 2026 als geblokkeerd gemeld; de reden staat bij de afspraak.',
        key: 'agreement_blocked:a1',
      },
    ]);
  });

  it('stays quiet once the agreement is done', () => {
    expect(fired('agreement_blocked', { ...blocked, status: 'gereed' }, at('2026-11-04'))).toEqual([]);
  });
});
