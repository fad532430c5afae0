import type { EndpointName } from './endpoint-names';
import type { BenchRole, Fixtures } from './fixtures';

/** One HTTP request of an endpoint; `i` picks the variant (another case, surname or agreement). */
export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

export interface EndpointSpec {
  name: EndpointName;
  role: BenchRole;
  request(i: number): RequestSpec;
  /** The floor server's path for the same work (it picks the variant from `i`). */
  floorPath(i: number): string;
}

/** The app side: the JSON API (the pages render the same data through the same lib/ functions). */
export function endpointSpecs(f: Fixtures): EndpointSpec[] {
  const pick = <T>(list: T[], i: number) => list[i % list.length]!;
  const floor = (name: EndpointName) => (i: number) => `/floor/${name}?i=${i}`;
  return [
    {
      name: 'case-list',
      role: 'regisseur',
      request: () => ({ method: 'GET', path: `/api/v1/cases?status=${f.listFilter.status}&municipality=${f.listFilter.municipality}` }),
      floorPath: floor('case-list'),
    },
    {
      name: 'case-search',
      role: 'regisseur',
      request: (i) => ({ method: 'GET', path: `/api/v1/cases?q=${encodeURIComponent(pick(f.surnames, i))}` }),
      floorPath: floor('case-search'),
    },
    {
      name: 'case-view',
      role: 'regisseur',
      request: (i) => ({ method: 'GET', path: `/api/v1/cases/${pick(f.caseIds, i)}` }),
      floorPath: floor('case-view'),
    },
    {
      name: 'my-agreements',
      role: 'professional',
      request: () => ({ method: 'GET', path: '/api/v1/agreements?owner=org' }),
      floorPath: floor('my-agreements'),
    },
    {
      name: 'log-progress',
      role: 'professional',
      request: (i) => ({
        method: 'POST',
        path: `/api/v1/agreements/${pick(f.agreementIds, i)}/actions`,
        body: JSON.stringify({ kind: 'voortgang', note: 'Benchmark: voortgang gemeld.' }),
      }),
      floorPath: floor('log-progress'),
    },
    {
      name: 'dashboard',
      role: 'manager',
      request: () => ({ method: 'GET', path: `/api/v1/dashboard?from=${f.dashboard.from}&to=${f.dashboard.to}` }),
      floorPath: floor('dashboard'),
    },
    {
      name: 'signals',
      role: 'regisseur',
      request: () => ({ method: 'GET', path: '/api/v1/signals' }),
      floorPath: floor('signals'),
    },
  ];
}
