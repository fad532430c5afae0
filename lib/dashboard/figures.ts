import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { agreementFacts, caseFacts, casePartnerFacts, municipalities, organisations, settings } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Tx } from '@/db/types';
import { auditDenied } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/sessions';
import { forbidden } from '@/lib/http/errors';
import { DASHBOARD_ROLES, resolveScope, type DashboardQuery, type DashboardScope } from './query';
import type { SignalFigures, SignalSource } from './signals';

/*
 * The managers' dashboard. Every number is an SQL aggregate computed by the database, as the signed-in
 * user (row-level security applies) and from the pseudonymised views only: case_facts and
 * agreement_facts (drizzle/0003, 0008), never cases or agreements. Definitions:
 * - active case: status actief or monitoring, now;
 * - new referral: a case created in the period;
 * - open agreement: status open or in_uitvoering, now; overdue: open and its due date lies before today;
 * - done on time: status gereed, completed (Europe/Amsterdam date) on or before its due date; the share
 *   is taken over the agreements with a due date in the period that has passed, or that are already
 *   done; vervallen (cancelled) agreements do not count;
 * - lead times: median days from referral to triage, of the cases triaged in the period, and from
 *   referral to closure, of the cases closed (afgesloten, not afgewezen) in the period.
 * Filters: target group and municipality narrow the cases (and so their agreements); a partner
 * organisation narrows the agreements to those it owns and the cases to those it is or was convened to.
 */

export interface KeyFigures {
  activeCases: number;
  newReferrals: number;
  openAgreements: number;
  overdueAgreements: number;
  /** Agreements due in the period whose due date has passed or that are done (the base of the share). */
  agreementsDue: number;
  agreementsOnTime: number;
  /** Whole percent, or null when no agreement was due. */
  onTimePercent: number | null;
  /** Days, one decimal; null when no case completed the phase in the period. */
  medianDaysToTriage: number | null;
  medianDaysToClosure: number | null;
}

export interface PartnerRow {
  organisationId: string;
  name: string;
  shortName: string;
  open: number;
  overdue: number;
  agreementsDue: number;
  agreementsOnTime: number;
  onTimePercent: number | null;
  /** Mean days past the due date of the overdue agreements, one decimal; null without overdue ones. */
  averageDaysOverdue: number | null;
}

export interface MunicipalityRow {
  code: string;
  name: string;
  activeCases: number;
  newReferrals: number;
}

export interface Dashboard {
  scope: DashboardScope;
  figures: KeyFigures;
  /** Worst stagnation first: most overdue, then longest overdue, then lowest share on time. */
  partners: PartnerRow[];
  /** The municipalities of the house's safety region (and any other with cases), busiest first. */
  municipalities: MunicipalityRow[];
  /** Open signals by level and the weekly trend; null until the stagnation work supplies a source. */
  signals: SignalFigures | null;
}

export interface DashboardOptions {
  now?: Date;
  /** Supplies the signal figures (see ./signals.ts); without it `signals` is null. */
  signals?: SignalSource;
}

const ACTIVE = ['actief', 'monitoring'] as const;
const OPEN = ['open', 'in_uitvoering'] as const;

const count = (condition: SQL) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);
const nullableNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** The period as instants: from the start of `from` to the end of `to`, in the house's time zone. */
function within(column: AnyPgColumn, scope: DashboardScope): SQL {
  return sql`(${column} >= (${scope.from}::date::timestamp at time zone 'Europe/Amsterdam')
    and ${column} < ((${scope.to}::date + 1)::timestamp at time zone 'Europe/Amsterdam'))`;
}

/** Filters on case_facts for the scope. */
function caseFilters(scope: DashboardScope): SQL[] {
  const where: SQL[] = [];
  if (scope.type) where.push(eq(caseFacts.targetGroup, scope.type));
  if (scope.municipality) where.push(eq(caseFacts.municipalityCode, scope.municipality));
  if (scope.organisation) {
    where.push(sql`exists (select 1 from ${casePartnerFacts} where ${casePartnerFacts.caseId} = ${caseFacts.id}
      and ${casePartnerFacts.organisationId} = ${scope.organisation})`);
  }
  return where;
}

/** Filters on agreement_facts joined to case_facts: the case filters, and the owner for a partner. */
function agreementFilters(scope: DashboardScope): SQL[] {
  const where: SQL[] = [];
  if (scope.type) where.push(eq(caseFacts.targetGroup, scope.type));
  if (scope.municipality) where.push(eq(caseFacts.municipalityCode, scope.municipality));
  if (scope.organisation) where.push(eq(agreementFacts.ownerOrganisationId, scope.organisation));
  return where;
}

async function caseFigures(tx: Tx, scope: DashboardScope) {
  const days = (to: AnyPgColumn) =>
    sql`extract(epoch from (${to} - ${caseFacts.createdAt}))::float8 / 86400`;
  const median = (to: AnyPgColumn, extra?: SQL) =>
    sql<number | null>`round((percentile_cont(0.5) within group (order by ${days(to)})
      filter (where ${within(to, scope)}${extra ? sql` and ${extra}` : sql``}))::numeric, 1)`.mapWith(nullableNumber);
  const [row] = await tx
    .select({
      activeCases: count(inArray(caseFacts.status, ACTIVE)),
      newReferrals: count(within(caseFacts.createdAt, scope)),
      medianDaysToTriage: median(caseFacts.triagedAt),
      medianDaysToClosure: median(caseFacts.closedAt, eq(caseFacts.status, 'afgesloten')),
    })
    .from(caseFacts)
    .where(and(...caseFilters(scope)));
  return row!;
}

/** Per partner organisation and in total (one query: grouping sets). */
async function agreementFigures(tx: Tx, scope: DashboardScope) {
  const today = sql`${scope.today}::date`;
  const open = inArray(agreementFacts.status, OPEN);
  const overdue = sql`(${open} and ${agreementFacts.dueDate} < ${today})`;
  const due = sql`(${agreementFacts.dueDate} between ${scope.from}::date and ${scope.to}::date
    and ${agreementFacts.status} <> 'vervallen'
    and (${agreementFacts.dueDate} < ${today} or ${agreementFacts.status} = 'gereed'))`;
  const onTime = sql`(${due} and ${agreementFacts.status} = 'gereed'
    and (${agreementFacts.completedAt} at time zone 'Europe/Amsterdam')::date <= ${agreementFacts.dueDate})`;
  const overdueCount = sql`count(*) filter (where ${overdue})`;
  const averageDaysOverdue = sql`avg(${today} - ${agreementFacts.dueDate}) filter (where ${overdue})`;
  const onTimePercent = sql`round(100.0 * count(*) filter (where ${onTime}) / nullif(count(*) filter (where ${due}), 0))`;
  return tx
    .select({
      total: sql<boolean>`grouping(${organisations.id}) = 1`.mapWith(Boolean),
      organisationId: organisations.id,
      name: organisations.name,
      shortName: organisations.shortName,
      open: count(open),
      overdue: count(overdue),
      agreementsDue: count(due),
      agreementsOnTime: count(onTime),
      onTimePercent: sql<number | null>`${onTimePercent}::int`.mapWith(nullableNumber),
      averageDaysOverdue: sql<number | null>`round(${averageDaysOverdue}, 1)`.mapWith(nullableNumber),
    })
    .from(agreementFacts)
    .innerJoin(caseFacts, eq(caseFacts.id, agreementFacts.caseId))
    .innerJoin(organisations, eq(organisations.id, agreementFacts.ownerOrganisationId))
    // Only agreements that say something about now or the period; old finished ones would add zero rows.
    .where(and(or(open, sql`${agreementFacts.dueDate} between ${scope.from}::date and ${scope.to}::date`), ...agreementFilters(scope)))
    .groupBy(sql`grouping sets ((${organisations.id}, ${organisations.name}, ${organisations.shortName}), ())`)
    .orderBy(
      sql`grouping(${organisations.id})`,
      desc(sql`${overdueCount}`),
      sql`${averageDaysOverdue} desc nulls last`,
      sql`${onTimePercent} asc nulls last`,
      desc(sql`count(*) filter (where ${open})`),
      asc(organisations.name),
    );
}

async function municipalityFigures(tx: Tx, scope: DashboardScope): Promise<MunicipalityRow[]> {
  const active = sql`count(${caseFacts.id}) filter (where ${inArray(caseFacts.status, ACTIVE)})`;
  const referrals = sql`count(${caseFacts.id}) filter (where ${within(caseFacts.createdAt, scope)})`;
  const region = sql`(select ${settings.value} ->> 'safetyRegionCode' from ${settings} where ${settings.key} = 'house')`;
  return tx
    .select({
      code: municipalities.code,
      name: municipalities.name,
      activeCases: sql<number>`${active}`.mapWith(Number),
      newReferrals: sql<number>`${referrals}`.mapWith(Number),
    })
    .from(municipalities)
    .leftJoin(caseFacts, and(eq(caseFacts.municipalityCode, municipalities.code), ...caseFilters(scope)))
    .where(
      and(
        or(
          and(eq(municipalities.safetyRegionCode, region), eq(municipalities.active, true)),
          sql`exists (select 1 from ${caseFacts} as others where others.municipality_code = ${municipalities.code})`,
        ),
        scope.municipality ? eq(municipalities.code, scope.municipality) : undefined,
      ),
    )
    .groupBy(municipalities.code, municipalities.name)
    .orderBy(desc(active), desc(referrals), asc(municipalities.name));
}

/** Managers and regisseurs only; anyone else is refused (and the attempt is logged). */
export async function assertDashboardAccess(actor: Actor): Promise<void> {
  if (DASHBOARD_ROLES.includes(actor.role)) return;
  await auditDenied(actor, { action: 'denied', entity: 'dashboard', details: { attempted: 'dashboard.view' } });
  throw forbidden();
}

/** Every figure of the dashboard for the filters, in one read-only transaction as the actor. */
export async function getDashboard(actor: Actor, query: DashboardQuery, options: DashboardOptions = {}): Promise<Dashboard> {
  await assertDashboardAccess(actor);
  const scope = resolveScope(query, options.now);
  return asUser(actor.userId, (tx) => readDashboard(tx, scope, options.signals));
}

/** The figures for a resolved scope, inside the caller's transaction (which has set the actor). */
export async function readDashboard(tx: Tx, scope: DashboardScope, signalSource?: SignalSource): Promise<Dashboard> {
  // One after the other: a transaction is one connection, so they would queue anyway.
  const cases = await caseFigures(tx, scope);
  const agreementRows = await agreementFigures(tx, scope);
  const municipalityRows = await municipalityFigures(tx, scope);
  const signals = signalSource ? await signalSource(tx, scope) : null;
  const total = agreementRows.find((row) => row.total);
  const partners: PartnerRow[] = agreementRows
    .filter((row) => !row.total)
    .map((row) => ({
      organisationId: row.organisationId!,
      name: row.name!,
      shortName: row.shortName!,
      open: row.open,
      overdue: row.overdue,
      agreementsDue: row.agreementsDue,
      agreementsOnTime: row.agreementsOnTime,
      onTimePercent: row.onTimePercent,
      averageDaysOverdue: row.averageDaysOverdue,
    }));
  return {
    scope,
    figures: {
      activeCases: cases.activeCases,
      newReferrals: cases.newReferrals,
      openAgreements: total?.open ?? 0,
      overdueAgreements: total?.overdue ?? 0,
      agreementsDue: total?.agreementsDue ?? 0,
      agreementsOnTime: total?.agreementsOnTime ?? 0,
      onTimePercent: total?.onTimePercent ?? null,
      medianDaysToTriage: cases.medianDaysToTriage,
      medianDaysToClosure: cases.medianDaysToClosure,
    },
    partners,
    municipalities: municipalityRows,
    signals,
  };
}
