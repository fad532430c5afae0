import { agreementSignals } from './agreement-rules';
import { caseClock } from './case-clock';
import { caseSignals } from './case-rules';
import { organisationSignals, type OverdueAgreement } from './organisation-rules';
import { holidayOptionsOf, type StagnationSettings } from './settings';
import type { Signal } from './signal';
import type { StagnationAgreement, StagnationState } from './stagnation-state';
import { isEndedCase } from '@/lib/cases/statuses';

/**
 * Every stagnation signal that holds at `now`, each explaining itself. Pure: the same state, settings
 * and moment give the same signals in the same order (sorted by key), whatever the input order.
 * Closed cases never signal, and their agreements count for nothing, not even for their organisation.
 */
export function detectSignals(state: StagnationState, settings: StagnationSettings, now: Date): Signal[] {
  return [...eachSignal(state, settings, now)].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/**
 * The same signals as detectSignals, unsorted and one at a time: a house-wide sweep compares them with
 * what is stored as they come, rather than holding a hundred thousand of them at once.
 */
export function* eachSignal(state: StagnationState, settings: StagnationSettings, now: Date): Generator<Signal> {
  const holidays = holidayOptionsOf(settings);
  const agreementsByCase = new Map<string, StagnationAgreement[]>();
  for (const a of state.agreements) {
    const list = agreementsByCase.get(a.caseId) ?? [];
    list.push(a);
    agreementsByCase.set(a.caseId, list);
  }

  const overdue: OverdueAgreement[] = [];
  for (const c of state.cases) {
    if (isEndedCase(c.status)) continue;
    const clock = caseClock(c, now, holidays);
    const agreements = agreementsByCase.get(c.id) ?? [];
    yield* caseSignals(c, agreements, { clock, settings });
    for (const a of agreements) {
      for (const found of agreementSignals(a, { clock, settings, holidays })) {
        if (found.rule === 'agreement_overdue') overdue.push({ organisationId: a.ownerOrganisationId, caseNumber: c.number, since: found.since });
        yield found;
      }
    }
  }
  yield* organisationSignals(overdue, settings);
}
