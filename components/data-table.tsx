import type { ReactNode } from 'react';
import { TableBox, thClass as th } from '@/components/ui/table';

export interface Column {
  label: ReactNode;
  /** Read by screen readers only (a column of buttons). */
  hidden?: boolean;
  numeric?: boolean;
}

/** Cell class of a row in a DataTable. */
export const cell = 'px-3 py-2 align-middle';


/** A bordered table that scrolls sideways on narrow screens; the rows are the caller's `<tr>`s. */
export function DataTable({ columns, testId, children }: { columns: Column[]; testId?: string; children: ReactNode }) {
  return (
    <TableBox>
      <table className="min-w-full divide-y divide-line text-sm" data-testid={testId}>
        <thead className="bg-canvas">
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className={column.numeric ? `${th} text-right` : th}>
                {column.hidden ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">{children}</tbody>
      </table>
    </TableBox>
  );
}
