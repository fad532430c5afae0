import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { agreementCloseReason, agreementStatus, caseStatus, targetGroup } from '../enums';

/*
 * The dashboard's rollups (drizzle/0037): counts kept by statement-level triggers on cases, case_partners,
 * referral_matches, agreements and signals, in the transaction of the write. Only the triggers' functions
 * write them; managers and regisseurs read them (lib/dashboard/rollup-figures.ts). In the case rollups
 * organisation_id '00000000-0000-0000-0000-000000000000' counts every case.
 */

export const dashboardCaseStatus = pgTable(
  'dashboard_case_status',
  {
    organisationId: uuid('organisation_id').notNull(),
    status: caseStatus('status').notNull(),
    targetGroup: targetGroup('target_group').notNull(),
    municipalityCode: text('municipality_code').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.status, t.targetGroup, t.municipalityCode] }),
    index('dashboard_case_status_bucket_idx').on(t.status, t.targetGroup, t.municipalityCode),
    // The readers' covering index (organisation_id, status) INCLUDE (…, n) is in drizzle/0045.
  ],
);

export const dashboardCaseDays = pgTable(
  'dashboard_case_days',
  {
    organisationId: uuid('organisation_id').notNull(),
    /** referred, repeat, triaged or closed (afgesloten), on `day` (Europe/Amsterdam). */
    kind: text('kind').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    targetGroup: targetGroup('target_group').notNull(),
    municipalityCode: text('municipality_code').notNull(),
    /** triaged / closed: whole days from referral (the median's bucket); 0 otherwise. */
    wholeDays: integer('whole_days').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.kind, t.day, t.targetGroup, t.municipalityCode, t.wholeDays] }),
    index('dashboard_case_days_day_idx').on(t.day),
    // The readers' covering index (organisation_id, kind, day) INCLUDE (…, n) is in drizzle/0045.
  ],
);

export const dashboardAgreements = pgTable(
  'dashboard_agreements',
  {
    ownerOrganisationId: uuid('owner_organisation_id').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: agreementStatus('status').notNull(),
    onTime: boolean('on_time').notNull(),
    closeReason: agreementCloseReason('close_reason'),
    targetGroup: targetGroup('target_group').notNull(),
    municipalityCode: text('municipality_code').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    // drizzle/0045 makes these three covering (INCLUDE), which drizzle cannot declare: the dashboard reads index-only.
    index('dashboard_agreements_bucket_idx').on(t.ownerOrganisationId, t.dueDate),
    index('dashboard_agreements_due_idx').on(t.dueDate),
    index('dashboard_agreements_open_idx').on(t.ownerOrganisationId).where(sql`${t.status} in ('open', 'in_uitvoering')`),
  ],
);

export const dashboardSignalDays = pgTable(
  'dashboard_signal_days',
  {
    /** opened or resolved, on `day` (Europe/Amsterdam). */
    kind: text('kind').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    organisationId: uuid('organisation_id'),
    targetGroup: targetGroup('target_group'),
    municipalityCode: text('municipality_code'),
    n: integer('n').notNull(),
  },
  (t) => [index('dashboard_signal_days_day_idx').on(t.day, t.kind)],
);

export const dashboardSignalOpen = pgTable(
  'dashboard_signal_open',
  {
    organisationId: uuid('organisation_id'),
    level: integer('level').notNull(),
    targetGroup: targetGroup('target_group'),
    municipalityCode: text('municipality_code'),
    n: integer('n').notNull(),
  },
  (t) => [
    index('dashboard_signal_open_bucket_idx').on(
      sql`(coalesce(${t.organisationId}, '00000000-0000-0000-0000-000000000000'::uuid))`,
      t.level,
    ),
  ],
);
