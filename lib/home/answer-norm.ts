import type { DayInput, IsoDay } from '@/lib/calendar/calendar-day';
import type { HolidayOptions } from '@/lib/calendar/holidays';
import { addWorkingDays, workingDaysBetween } from '@/lib/calendar/working-days';

/**
 * Where a referral stands against the answer norm: the last day to answer, and the working days left until
 * it (0: answer today). Once that day has passed it is late by at least one working day, also on the
 * weekend right after it, as the referral_unanswered signal counts it late from the next day on.
 */
export function answerNorm(referredAt: DayInput, today: IsoDay, norm: number, holidays: HolidayOptions): { answerBy: IsoDay; workingDaysLeft: number } {
  const answerBy = addWorkingDays(referredAt, norm, { holidays });
  if (answerBy >= today) return { answerBy, workingDaysLeft: workingDaysBetween(today, answerBy, { holidays }) };
  return { answerBy, workingDaysLeft: -Math.max(1, workingDaysBetween(answerBy, today, { holidays })) };
}
