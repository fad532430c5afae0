import type { StagnationSettings } from './settings';
import { signalKey, type Signal } from './signal';

/** One agreement that is overdue by the overdue rule, with what the organisation rule needs of it. */
export type OverdueAgreement = { organisationId: string; caseNumber: string; since: Date };

/**
 * A partner organisation that lets many agreements run late, across cases, is a pattern the house
 * raises with that organisation's management rather than case by case.
 */
export function organisationSignals(overdue: readonly OverdueAgreement[], settings: StagnationSettings): Signal[] {
  const byOrganisation = new Map<string, OverdueAgreement[]>();
  for (const item of overdue) {
    const list = byOrganisation.get(item.organisationId) ?? [];
    list.push(item);
    byOrganisation.set(item.organisationId, list);
  }
  const threshold = settings.partnerOverdueThreshold;
  const signals: Signal[] = [];
  for (const [organisationId, items] of byOrganisation) {
    if (items.length < threshold) continue;
    // The pattern began when the threshold-th of the agreements still overdue became overdue.
    const sinces = items.map((i) => i.since.getTime()).sort((x, y) => x - y);
    const caseNumbers = [...new Set(items.map((i) => i.caseNumber))].sort();
    const cases = caseNumbers.length === 1 ? `casus ${caseNumbers[0]}` : `${caseNumbers.length} casussen (${caseNumbers.join(', ')})`;
    signals.push({
      rule: 'organisation_overdue_agreements',
      subject: { type: 'organisation', id: organisationId },
      since: new Date(sinces[threshold - 1]!),
      message: `Organisatie heeft ${items.length} afspraken over de einddatum in ${cases}; de grens is ${threshold}.`,
      key: signalKey('organisation_overdue_agreements', organisationId),
    });
  }
  return signals;
}
