import { isRunning } from './agreement-rules';
import { formatDutchDay } from '@/lib/calendar/calendar-day';
import type { CaseClock } from './case-clock';
import type { StagnationSettings } from './settings';
import { signalKey, type Signal, type SignalRule } from './signal';
import type { StagnationAgreement, StagnationCase } from './stagnation-state';
import { workingDaysText } from './wording';

type Context = { clock: CaseClock; settings: StagnationSettings };

function signal(rule: SignalRule, subject: StagnationCase, since: Date, message: string): Signal {
  return { rule, subject: { type: 'case', id: subject.id }, caseId: subject.id, since, message, key: signalKey(rule, subject.id) };
}

function latest(dates: readonly (Date | null | undefined)[]): Date | null {
  let best: Date | null = null;
  for (const d of dates) if (d && (!best || d > best)) best = d;
  return best;
}

/**
 * Idle when no meeting, agreement or progress happened for the threshold. The agreements are read too,
 * so a progress entry counts as activity even if the snapshot's lastActivityAt lags behind it.
 */
function idle(c: StagnationCase, agreements: readonly StagnationAgreement[], { clock, settings }: Context): Signal | null {
  if (c.status !== 'actief' && c.status !== 'monitoring') return null;
  const last = latest([c.lastActivityAt, ...agreements.flatMap((a) => [a.createdAt, a.lastProgressAt])]);
  const from = last ?? c.triagedAt ?? c.createdAt;
  const quiet = clock.elapsedSince(from);
  const limit = settings.caseIdleWorkingDays;
  if (quiet < limit) return null;
  const reference = last ? `laatste activiteit op ${formatDutchDay(last)}` : `nog geen activiteit sinds ${formatDutchDay(from)}`;
  return signal(
    'case_idle',
    c,
    clock.reachedOn(from, limit),
    `Casus heeft al ${workingDaysText(quiet)} geen overleg, afspraak of voortgang gehad (${reference}); ` +
      `de grens is ${workingDaysText(limit)}.`,
  );
}

/** An active case needs something to be working on; while paused nothing is expected of it. */
function withoutOpenAgreements(c: StagnationCase, agreements: readonly StagnationAgreement[], { clock }: Context): Signal | null {
  if (c.status !== 'actief' || clock.pausedNow || agreements.some(isRunning)) return null;
  const settled = c.settledAgreements;
  const since = latest([
    c.triagedAt ?? c.createdAt,
    settled?.lastClosedAt,
    ...agreements.map((a) => a.closedAt ?? a.lastProgressAt ?? a.createdAt),
  ]);
  const count = agreements.length + (settled?.count ?? 0);
  const message =
    count === 0
      ? 'Casus is actief maar er is nog geen enkele afspraak gemaakt.'
      : `Casus is actief maar geen van de ${count} afspraken staat nog open of in uitvoering.`;
  return signal('case_without_open_agreements', c, since ?? c.createdAt, message);
}

/** The house answers a referral within the norm; the day after the norm it is late. */
function referralUnanswered(c: StagnationCase, { clock, settings }: Context): Signal | null {
  if ((c.status !== 'aangemeld' && c.status !== 'triage') || c.triagedAt) return null;
  const waited = clock.elapsedSince(c.createdAt);
  const norm = settings.referralNormWorkingDays;
  if (waited <= norm) return null;
  return signal(
    'referral_unanswered',
    c,
    clock.reachedOn(c.createdAt, norm + 1),
    `Aanmelding van ${formatDutchDay(c.createdAt)} is na ${workingDaysText(waited)} nog niet beantwoord; ` +
      `de norm is ${workingDaysText(norm)}.`,
  );
}

/** The signals about a case itself, given all of its agreements. */
export function caseSignals(c: StagnationCase, agreements: readonly StagnationAgreement[], context: Context): Signal[] {
  return [idle(c, agreements, context), withoutOpenAgreements(c, agreements, context), referralUnanswered(c, context)].filter(
    (s): s is Signal => s !== null,
  );
}
