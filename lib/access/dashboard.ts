import type { PolicyTable } from './outcome';

/*
 * The dashboard (figures, partners, municipalities, and their CSV): managers steer on it with small
 * counts suppressed; regisseurs, who see every case anyway, get exact figures. Anyone else is refused
 * with 403 (the API has always answered so; the page answers 404 like every page).
 */
export const DASHBOARD_ACTIONS = ['dashboard.view'] as const;
export type DashboardAction = (typeof DASHBOARD_ACTIONS)[number];

export const DASHBOARD_POLICY: PolicyTable<DashboardAction> = {
  regisseur: { 'dashboard.view': 'allow' },
  manager: { 'dashboard.view': 'pseudonymised' },
  professional: { 'dashboard.view': 'forbidden' },
  admin: { 'dashboard.view': 'forbidden' },
  partnerbeheer: { 'dashboard.view': 'forbidden' },
};
