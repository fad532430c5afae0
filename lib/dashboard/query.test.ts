import { describe, expect, it } from 'vitest';
import { auditQuerySchema } from '@/lib/audit/case-access-log';
import { dashboardQuerySchema } from './query';

describe('date filters typed day-month-year', () => {
  it('the dashboard reads 31-12-2025 as 2025-12-31, ISO as it is, and refuses what is no date', () => {
    expect(dashboardQuerySchema.parse({ from: '1-12-2025', to: '31-12-2025' })).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
    expect(dashboardQuerySchema.parse({ from: '2025-12-01' })).toMatchObject({ from: '2025-12-01' });
    expect(dashboardQuerySchema.safeParse({ from: 'gisteren' }).success).toBe(false);
  });

  it('the audit log reads them too', () => {
    expect(auditQuerySchema.parse({ from: '05-03-2026', to: '2026-03-06' })).toMatchObject({ from: '2026-03-05', to: '2026-03-06' });
    expect(auditQuerySchema.safeParse({ to: '31-02' }).success).toBe(false);
  });
});
