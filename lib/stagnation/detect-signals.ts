import { agreementSignals } from './agreement-rules';
import { caseClock } from './case-clock';
import { caseSignals } from './case-rules';
import { organisationSignals, type OverdueAgreement } from './organisation-rules';
import { holidayOptionsOf, type StagnationSettings } from './settings';
import type { Signal } from './signal';
import type { StagnationAgreement, StagnationState } from './stagnation-state';

const CLOSED = new Set(['afgesloten', 'afgewezen']);

/**
 * Every stagnation signal that holds at `now`, each explaining itself. Pure: the same state, settings
 * and moment give the same signals in the same order (sorted by key), whatever the input order.
 * Closed cases never signal, and their agreements count for nothing, not even for their organisation.
 */
export function detectSignals(state: StagnationState, settings: StagnationSettings, now: Date): Signal[] {
  const holidays = holidayOptionsOf(settings);
  const agreementsByCase = new Map<string, StagnationAgreement[]>();
  for (const a of state.agreements) {
    const list = agreementsByCase.get(a.caseId) ?? [];
    list.push(a);
    agreementsByCase.set(a.caseId, list);
  }

  const signals: Signal[] = [];
  const overdue: OverdueAgreement[] = [];
  for (const c of state.cases) {
    if (CLOSED.has(c.status)) continue;
    const clock = caseClock(c, now, holidays);
    const agreements = agreementsByCase.get(c.id) ?? [];
    signals.push(...caseSignals(c, agreements, { clock, settings }));
    for (const a of agreements) {
      const found = agreementSignals(a, { clock, settings, holidays });
      signals.push(...found);
      const late = found.find((s) => s.rule === 'agreement_overdue');
      if (late) overdue.push({ organisationId: a.ownerOrganisationId, caseNumber: c.number, since: late.since });
    }
  }
  signals.push(...organisationSignals(overdue, settings));
  return signals.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}
