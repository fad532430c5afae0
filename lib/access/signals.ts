import type { PolicyTable } from './outcome';

/*
 * Signals of stagnation (drizzle/0011_signals_rls.sql enforces the same underneath): regisseurs read,
 * resolve and snooze; managers read, pseudonymised (no free text), and get the stuurgroep report their
 * escalations feed; anyone else does not know signals exist. The thresholds are functioneel beheer's.
 */
export const SIGNAL_ACTIONS = ['signal.list', 'signal.report', 'signal.resolve', 'signal.snooze', 'signal.settings'] as const;
export type SignalAction = (typeof SIGNAL_ACTIONS)[number];

export const SIGNAL_POLICY: PolicyTable<SignalAction> = {
  regisseur: {
    'signal.list': 'allow',
    'signal.report': 'allow',
    'signal.resolve': 'allow',
    'signal.snooze': 'allow',
    'signal.settings': 'not-found',
  },
  manager: {
    'signal.list': 'pseudonymised',
    'signal.report': 'pseudonymised',
    'signal.resolve': 'forbidden',
    'signal.snooze': 'forbidden',
    'signal.settings': 'not-found',
  },
  professional: {
    'signal.list': 'not-found',
    'signal.report': 'not-found',
    'signal.resolve': 'not-found',
    'signal.snooze': 'not-found',
    'signal.settings': 'not-found',
  },
  admin: {
    'signal.list': 'not-found',
    'signal.report': 'not-found',
    'signal.resolve': 'not-found',
    'signal.snooze': 'not-found',
    'signal.settings': 'allow',
  },
  // A partnerbeheerder gets its organisation's escalations by mail and notice, not the signal lists.
  partnerbeheer: {
    'signal.list': 'not-found',
    'signal.report': 'not-found',
    'signal.resolve': 'not-found',
    'signal.snooze': 'not-found',
    'signal.settings': 'not-found',
  },
};
