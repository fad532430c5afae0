/** The requests the bench measures, by name (also the values of --only). */
export const ENDPOINT_NAMES = [
  'case-list',
  'case-search',
  'case-view',
  'my-agreements',
  'log-progress',
  'dashboard',
  'signals',
] as const;
export type EndpointName = (typeof ENDPOINT_NAMES)[number];

export const ENDPOINT_LABELS: Record<EndpointName, string> = {
  'case-list': 'Casuslijst met filter (regisseur)',
  'case-search': 'Zoeken op naam (regisseur)',
  'case-view': 'Casus openen (regisseur)',
  'my-agreements': 'Mijn afspraken (professional)',
  'log-progress': 'Voortgang vastleggen (professional)',
  dashboard: 'Dashboard over een jaar (manager)',
  signals: 'Signalen (regisseur)',
};
