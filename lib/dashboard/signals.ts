import type { Tx } from '@/db/types';
import type { DashboardScope } from './query';

/**
 * The stagnation part of the dashboard: open signals per escalation level and the weekly trend of
 * signals opened and resolved. The dashboard does not compute these itself: the stagnation work
 * (lib/stagnation, the signals table) supplies a SignalSource, and getDashboard() passes it the same
 * transaction and scope as the other figures. Without a source the dashboard answers `signals: null`,
 * and the page and the CSV say "Nog geen signalen".
 */

/** The escalation ladder of the design: regisseur → owning organisation → manager → stuurgroep. */
export const SIGNAL_LEVELS = ['regisseur', 'organisation', 'manager', 'stuurgroep'] as const;
export type SignalLevel = (typeof SIGNAL_LEVELS)[number];

export interface SignalWeek {
  /** Monday of the ISO week (JJJJ-MM-DD, Europe/Amsterdam). */
  weekStart: string;
  opened: number;
  resolved: number;
}

export interface SignalFigures {
  /** Signals open now, per level they have escalated to (every level present, zero included). */
  openByLevel: { level: SignalLevel; count: number }[];
  /** Signals opened and resolved per week of the period, oldest first. */
  weekly: SignalWeek[];
}

/**
 * Computes the signal figures for the scope, as the signed-in manager or regisseur (row-level security
 * applies: read only what a manager may read, e.g. a pseudonymised view of the signals).
 */
export type SignalSource = (tx: Tx, scope: DashboardScope) => Promise<SignalFigures>;
