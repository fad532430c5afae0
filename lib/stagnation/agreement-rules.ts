import { formatDutchDay } from '@/lib/calendar/calendar-day';
import type { CaseClock } from './case-clock';
import type { HolidayOptions } from '@/lib/calendar/holidays';
import type { StagnationSettings } from './settings';
import { signalKey, type Signal, type SignalRule } from './signal';
import type { StagnationAgreement } from './stagnation-state';
import { workingDaysBetween } from '@/lib/calendar/working-days';
import { factorText, timesText, workingDaysText } from './wording';
import { isOpenAgreement } from '@/lib/agreements/statuses';

type Context = { clock: CaseClock; settings: StagnationSettings; holidays: HolidayOptions };

export function isRunning(agreement: Pick<StagnationAgreement, 'status'>): boolean {
  return isOpenAgreement(agreement.status);
}

function signal(rule: SignalRule, agreement: Pick<StagnationAgreement, 'id' | 'caseId'>, since: Date, message: string): Signal {
  return {
    rule,
    subject: { type: 'agreement', id: agreement.id },
    caseId: agreement.caseId,
    since,
    message,
    key: signalKey(rule, agreement.id),
  };
}

/** Overdue once more working days than the grace have passed since the (current) due date. */
function overdue(a: StagnationAgreement, { clock, settings }: Context): Signal | null {
  const late = clock.elapsedSince(a.dueDate);
  const grace = settings.overdueGraceDays;
  if (late <= grace) return null;
  const graceNote = grace > 0 ? `; de coulance is ${workingDaysText(grace)}` : '';
  return signal(
    'agreement_overdue',
    a,
    clock.reachedOn(a.dueDate, grace + 1),
    `Afspraak is ${workingDaysText(late)} over de einddatum (${formatDutchDay(a.dueDate)})${graceNote}.`,
  );
}

/**
 * Severely overdue once late by `factor` times the term the table originally gave it. The term is the
 * plan as agreed, so it ignores pauses; a term of zero days (due the day it was made) counts as one.
 */
function severelyOverdue(a: StagnationAgreement, { clock, settings, holidays }: Context): Signal | null {
  const term = Math.max(1, workingDaysBetween(a.createdAt, a.originalDueDate, { holidays }));
  const threshold = Math.max(settings.overdueGraceDays + 1, Math.ceil(settings.severeOverdueFactor * term));
  const late = clock.elapsedSince(a.dueDate);
  if (late < threshold) return null;
  return signal(
    'agreement_severely_overdue',
    a,
    clock.reachedOn(a.dueDate, threshold),
    `Afspraak is ${workingDaysText(late)} over de einddatum (${formatDutchDay(a.dueDate)}), ten minste ` +
      `${factorText(settings.severeOverdueFactor)} × de oorspronkelijke termijn van ${workingDaysText(term)}.`,
  );
}

function noProgress(a: StagnationAgreement, { clock, settings }: Context): Signal | null {
  const from = a.lastProgressAt ?? a.createdAt;
  const idle = clock.elapsedSince(from);
  const limit = settings.noProgressWorkingDays;
  if (idle < limit) return null;
  const reference = a.lastProgressAt
    ? `laatste voortgang op ${formatDutchDay(a.lastProgressAt)}`
    : `afspraak gemaakt op ${formatDutchDay(a.createdAt)}, nooit voortgang gemeld`;
  return signal(
    'agreement_no_progress',
    a,
    clock.reachedOn(from, limit),
    `Al ${workingDaysText(idle)} geen voortgang gemeld (${reference}); de grens is ${workingDaysText(limit)}.`,
  );
}

function dueDateMoved(a: StagnationAgreement, { settings }: Context): Signal | null {
  if (a.dueDateMoves < settings.dueDateMovesThreshold) return null;
  return signal(
    'agreement_due_date_moved',
    a,
    a.lastDueDateMoveAt ?? a.createdAt,
    `De einddatum is ${timesText(a.dueDateMoves)} verschoven (oorspronkelijk ${formatDutchDay(a.originalDueDate)}, ` +
      `nu ${formatDutchDay(a.dueDate)}); de grens is ${timesText(settings.dueDateMovesThreshold)}.`,
  );
}

/** Also raised at once by the report of a blockade (raise-blocked.ts), so both word it the same. */
export function blocked(a: Pick<StagnationAgreement, 'id' | 'caseId' | 'blockedAt'>): Signal | null {
  if (!a.blockedAt) return null;
  // The reason is free text about a person: it stays on the agreement, where access rules guard it.
  return signal(
    'agreement_blocked',
    a,
    a.blockedAt,
    `Afspraak is op ${formatDutchDay(a.blockedAt)} als geblokkeerd gemeld; de reden staat bij de afspraak.`,
  );
}

/** The signals of one agreement of a case that is still open, read against that case's clock. */
export function agreementSignals(agreement: StagnationAgreement, context: Context): Signal[] {
  if (!isRunning(agreement)) return [];
  return [
    overdue(agreement, context),
    severelyOverdue(agreement, context),
    noProgress(agreement, context),
    dueDateMoved(agreement, context),
    blocked(agreement),
  ].filter((s): s is Signal => s !== null);
}
