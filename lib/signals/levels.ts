/**
 * The escalation ladder (opschaling) as stored in signals.level: 0 the regisseur, 1 the contact person of
 * the owning organisation, 2 the house's manager, 3 the stuurgroep. The names are the API's words for
 * them (the dashboard uses the same ones).
 */
export const SIGNAL_LEVEL_NAMES = ['regisseur', 'organisation', 'manager', 'stuurgroep'] as const;
export type SignalLevelName = (typeof SIGNAL_LEVEL_NAMES)[number];

export function levelName(level: number): SignalLevelName {
  return SIGNAL_LEVEL_NAMES[Math.max(0, Math.min(SIGNAL_LEVEL_NAMES.length - 1, level))]!;
}

export function levelNumber(name: SignalLevelName): number {
  return SIGNAL_LEVEL_NAMES.indexOf(name);
}

/** The stuurgroep report lists what is still open once it reached the manager. */
export const STUURGROEP_MIN_LEVEL: SignalLevelName = 'manager';

export const SIGNAL_STATUSES = ['open', 'snoozed', 'resolved'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];
