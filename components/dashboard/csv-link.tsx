import type { DashboardScope, DashboardTable } from '@/lib/dashboard/query';

/** The CSV export of one table with the filters on screen; the hidden part names the table for screen readers. */
export function CsvLink({ table, scope, label, tableName }: { table: DashboardTable; scope: DashboardScope; label: string; tableName: string }) {
  const params = new URLSearchParams({ table, from: scope.from, to: scope.to });
  if (scope.type) params.set('type', scope.type);
  if (scope.municipality) params.set('municipality', scope.municipality);
  if (scope.organisation) params.set('organisation', scope.organisation);
  return (
    <a
      href={`/api/v1/dashboard.csv?${params}`}
      download
      className="no-print inline-flex items-center gap-1.5 rounded border border-line bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:border-brand-600"
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.6">
        <path d="M8 2v8m0 0-3-3m3 3 3-3M3 13h10" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {label}
      <span className="sr-only"> ({tableName})</span>
    </a>
  );
}
