import { describe, expect, it } from 'vitest';
import { answerNorm } from './answer-norm';

const holidays = { goodFriday: true, liberationDay: 'every_year' as const };

describe('the answer norm of a referral', () => {
  // Referred on Thursday 5 November 2026 at 10:00: five working days later is Thursday 12 November.
  const referred = new Date('2026-11-05T09:00:00Z');

  it('counts the working days left down to the last day', () => {
    expect(answerNorm(referred, '2026-11-05', 5, holidays)).toEqual({ answerBy: '2026-11-12', workingDaysLeft: 5 });
    expect(answerNorm(referred, '2026-11-07', 5, holidays)).toEqual({ answerBy: '2026-11-12', workingDaysLeft: 4 });
    expect(answerNorm(referred, '2026-11-12', 5, holidays)).toEqual({ answerBy: '2026-11-12', workingDaysLeft: 0 });
  });

  it('is late from the day after, the weekend included, counted in working days after that', () => {
    const friday = new Date('2026-11-27T09:00:00Z');
    // Due Friday 4 December: on Saturday and Sunday one day late, not "answer today".
    expect(answerNorm(friday, '2026-12-05', 5, holidays)).toEqual({ answerBy: '2026-12-04', workingDaysLeft: -1 });
    expect(answerNorm(friday, '2026-12-06', 5, holidays)).toEqual({ answerBy: '2026-12-04', workingDaysLeft: -1 });
    expect(answerNorm(friday, '2026-12-08', 5, holidays)).toEqual({ answerBy: '2026-12-04', workingDaysLeft: -2 });
  });

  it('skips Dutch public holidays: Christmas', () => {
    // Referred Wednesday 23 December 2026: 24, 28, 29, 30, 31 December.
    expect(answerNorm(new Date('2026-12-23T09:00:00Z'), '2026-12-23', 5, holidays).answerBy).toBe('2026-12-31');
  });
});
