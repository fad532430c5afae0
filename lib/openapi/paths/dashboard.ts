import { dashboardResponse } from '@/lib/dashboard/dashboard-view';
import { dashboardCsvQuerySchema, dashboardQuerySchema } from '@/lib/dashboard/query';
import { SMALL_CELL, SMALL_CELL_LIMIT } from '@/lib/dashboard/small-cells';
import { type Paths } from '../operation';

/* The dashboard endpoints of the OpenAPI document; the answer is lib/dashboard/dashboard-view.ts. */

export const DASHBOARD_TAG = { name: 'Dashboard', description: 'Managers: where it stagnates, as pseudonymised figures and CSV' };

const ACCESS = 'Managers and regisseurs; anyone else answers 403.';

export const DASHBOARD_PATHS: Paths = {
  '/api/v1/dashboard': {
    get: {
      summary: 'The dashboard figures (stagnation and throughput)',
      description: `Key figures, a table per partner organisation and cases per municipality, for the period (default: the last twelve months up to today) and filters. Computed from pseudonymised facts only. A manager gets counts of 1 to ${SMALL_CELL_LIMIT - 1} cases as "${SMALL_CELL}" (small-cell suppression, \`smallCells: suppressed\`); a regisseur gets exact figures. ${ACCESS}`,
      tags: ['Dashboard'],
      query: dashboardQuerySchema,
      success: [200, 'The figures', dashboardResponse],
      errors: [403, 422],
    },
  },
  '/api/v1/dashboard.csv': {
    get: {
      summary: 'One table of the dashboard as CSV',
      description: `\`table\` is figures, partners or municipalities; the filters are those of /api/v1/dashboard. UTF-8 with a byte order mark, CRLF line ends; for a Dutch user semicolon-separated with a decimal comma (as Excel expects in the Netherlands), for an English user comma-separated with a decimal point. Cells starting with =, +, -, @, a tab or a carriage return get a leading apostrophe (no formula runs). A manager's export shows counts of 1 to ${SMALL_CELL_LIMIT - 1} cases as "${SMALL_CELL}", like /api/v1/dashboard, and then ends with a row explaining this. Every export is recorded in the audit log. ${ACCESS}`,
      tags: ['Dashboard'],
      query: dashboardCsvQuerySchema,
      success: [200, 'The table', null],
      errors: [403, 422],
      extraResponses: {
        200: {
          description: 'The table (`text/csv`, as an attachment named after the table and the period)',
          headers: { 'Content-Disposition': { schema: { type: 'string' }, description: 'attachment; filename="dashboard-<table>-<from>-<to>.csv"' } },
          content: { 'text/csv': { schema: { type: 'string' } } },
        },
      },
    },
  },
};
