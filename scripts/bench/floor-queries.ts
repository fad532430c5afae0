import { queryTokens } from '@/lib/crypto/search-tokens';
import type { EndpointName } from './endpoint-names';
import type { Fixtures } from './fixtures';
import type { Statement } from './sql-driver';
import { literalListText } from '@/db/literal-list';
import { NOT_BROKEN_AGREEMENT_STATUSES, OPEN_AGREEMENT_STATUSES } from '@/lib/agreements/statuses';
import { ACTIVE_CASE_STATUSES } from '@/lib/cases/statuses';

const OPEN = literalListText(OPEN_AGREEMENT_STATUSES);
const NOT_BROKEN = literalListText(NOT_BROKEN_AGREEMENT_STATUSES);
const ACTIVE = literalListText(ACTIVE_CASE_STATUSES);

/*
 * The floor: the main SQL each endpoint runs, copied from the app (the function named per endpoint),
 * executed as the owner in one transaction per request, as the app does, but without what the framework
 * and the security around it add: no session lookup, no role switch and app.user_id, no row-level
 * security (so the base tables instead of the case_facts/agreement_facts views, whose filter needs a
 * signed-in user), no rate-limit counter. The audit entry an endpoint writes is part of its work and
 * stays in. Keep these in step with the app when its queries change: `npm run bench -- --targets sql`
 * shows quickly whether they still run.
 */

const audit = (userId: string, orgId: string, role: string, action: string, entity: string, caseId: string | null, details: object): Statement => ({
  text: `select audit_append($1::uuid, $2::uuid, $3::user_role, $4::audit_action, $5, $6, $7::uuid, $8, 'allowed', '127.0.0.1', 'bench-floor', $9::jsonb)`,
  params: [userId, orgId, role, action, entity, caseId, caseId, null, JSON.stringify(details)],
});

const LIST_COLUMNS = `c.id, c.number, c.status, c.target_group, c.municipality_code, m.name as municipality_name, c.subject_name,
  r.name as regisseur_name, c.pause_reason, c.created_at, c.updated_at`;

/** lib/cases/list-cases.ts listCases, regisseur: the page of cases, the total (capped), the audit entry. */
function caseList(where: string, params: unknown[], f: Fixtures, filters: string[]): Statement[] {
  const a = f.accounts.regisseur;
  return [
    {
      text: `select ${LIST_COLUMNS} from cases c join municipalities m on m.code = c.municipality_code
             left join users r on r.id = c.regisseur_user_id where ${where} order by c.updated_at desc, c.id asc limit 25`,
      params,
    },
    { text: `select count(*) from (select 1 from cases c where ${where} limit 10001) matches`, params },
    audit(a.userId, a.organisationId, a.role, 'search', 'case-list', null, { filters, total: 0, shown: 0 }),
  ];
}

export function floorStatements(endpoint: EndpointName, f: Fixtures, i: number): Statement[] {
  switch (endpoint) {
    case 'case-list':
      return caseList('c.status = $1 and c.municipality_code = $2', [f.listFilter.status, f.listFilter.municipality], f, ['status', 'municipality']);
    case 'case-search': {
      const q = f.surnames[i % f.surnames.length]!;
      return caseList(`(c.number ilike $1 or c.subject_name_tokens @> $2::text[])`, [`%${q}%`, queryTokens(q)], f, ['q']);
    }
    case 'case-view': {
      // lib/cases/get-case.ts getCase: the reference (withCase), the full case with its joins, the audit entry.
      const id = f.caseIds[i % f.caseIds.length]!;
      const a = f.accounts.regisseur;
      return [
        { text: 'select id, number, status, pause_reason, version from cases where id = $1', params: [id] },
        {
          text: `select c.*, m.name as municipality_name, ref.id as referrer_id, ref.name as referrer_name, ro.name as referrer_org,
                   reg.id as regisseur_id, reg.name as regisseur_name, lead.id as lead_id, lead.name as lead_name
                 from cases c join municipalities m on m.code = c.municipality_code join users ref on ref.id = c.referrer_user_id
                 join organisations ro on ro.id = c.referrer_organisation_id left join users reg on reg.id = c.regisseur_user_id
                 left join users lead on lead.id = c.case_lead_user_id where c.id = $1`,
          params: [id],
        },
        audit(a.userId, a.organisationId, a.role, 'view', 'case', id, { view: 'full' }),
      ];
    }
    case 'my-agreements': {
      // lib/agreements/list-agreements.ts listAgreements, professional, owner=org: open work by due date, then
      // the finished, up to 500 (the app reads each part's ids first, then the rows; here one statement).
      const a = f.accounts.professional;
      return [
        {
          text: `select g.id, g.case_id, c.number, g.description, g.owner_organisation_id, o.name, g.owner_user_id, ou.name as owner_name,
                   g.due_date, g.original_due_date, g.due_date_moves, g.status, g.blocked_at, g.blocked_reason, g.completed_at,
                   g.completion_note, g.last_progress_at, g.created_at, g.version,
                   (g.status in (${OPEN}) and g.due_date < $1) as overdue
                 from agreements g join cases c on c.id = g.case_id join organisations o on o.id = g.owner_organisation_id
                 left join users ou on ou.id = g.owner_user_id
                 where g.id in ((select id from agreements where owner_organisation_id = $2 and status in (${OPEN})
                                 order by due_date asc, id asc limit 500)
                                union all
                                (select id from agreements where owner_organisation_id = $2 and status not in (${OPEN})
                                 order by due_date desc, id asc limit 500))
                 order by g.status in (${OPEN}) desc,
                   case when g.status in (${OPEN}) then g.due_date end asc,
                   case when g.status not in (${OPEN}) then g.due_date end desc, g.id asc
                 limit 500`,
          params: [f.dashboard.today, a.organisationId],
        },
      ];
    }
    case 'log-progress': {
      // lib/agreements/log-action.ts logAction: owner check, row lock, the entry, the agreement, the audit entry.
      const id = f.agreementIds[i % f.agreementIds.length]!;
      const a = f.accounts.professional;
      return [
        { text: 'select g.case_id, g.owner_organisation_id, c.regisseur_user_id, c.number from agreements g join cases c on c.id = g.case_id where g.id = $1', params: [id] },
        { text: 'select status from agreements where id = $1 for update', params: [id] },
        {
          text: `insert into agreement_actions (agreement_id, kind, note, author_user_id, author_organisation_id, created_at)
                 values ($1, 'voortgang', 'Benchmark (floor): voortgang gemeld.', $2, $3, now()) returning *`,
          params: [id, a.userId, a.organisationId],
        },
        { text: 'update agreements set last_progress_at = now(), updated_at = now(), version = version + 1 where id = $1', params: [id] },
        audit(a.userId, a.organisationId, a.role, 'update', 'agreement-action', null, { agreementId: id, kind: 'voortgang' }),
      ];
    }
    case 'dashboard':
      return dashboardStatements(f);
    case 'signals':
      // lib/signals/list-signals.ts listSignals, regisseur, open signals: the page's ids in index order, those
      // rows with their joins (one statement here), and the capped count.
      return [
        {
          text: `select s.*, c.number, c.target_group, m.name as municipality, o.name as organisation, g.description, u.name as resolved_by
                 from signals s left join cases c on c.id = s.case_id left join municipalities m on m.code = c.municipality_code
                 left join organisations o on o.id = s.organisation_id left join users u on u.id = s.resolved_by_user_id
                 left join agreements g on s.subject_type = 'agreement' and g.id = s.subject_id
                 where s.id in (select id from signals where status = 'open' order by level desc, since asc, key asc limit 500)
                 order by s.level desc, s.since asc, s.key asc`,
          params: [],
        },
        { text: `select count(*) from (select 1 from signals where status = 'open' limit 10001) matches`, params: [] },
      ];
  }
}

/** lib/dashboard/figures.ts readDashboard and lib/signals/dashboard-source.ts, on the base tables (no filters). */
function dashboardStatements(f: Fixtures): Statement[] {
  const { from, to, today } = f.dashboard;
  const within = (col: string) =>
    `(${col} >= ($1::date::timestamp at time zone 'Europe/Amsterdam') and ${col} < (($2::date + 1)::timestamp at time zone 'Europe/Amsterdam'))`;
  const median = (col: string, where: string) =>
    `(select round((percentile_cont(0.5) within group (order by date_part('epoch', ${col} - created_at) / 86400))::numeric, 1) from cases where ${where})`;
  const inPeriod = `g.due_date between $1::date and $2::date`;
  const agreementsOf = (where: string) => `from agreements g where g.owner_organisation_id = o.id and ${where}`;
  const onTime = `(g.completed_at at time zone 'Europe/Amsterdam')::date <= g.due_date`;
  const countIn = (where: string) => `select count(*) as n ${agreementsOf(`${inPeriod} and ${where}`)}`;
  const perOwner = `select o.id as organisation_id, o.name, o.short_name, op.open, op.overdue, op.days_overdue,
      op.due + ot.n + lt.n + un.n as due, ot.n as on_time
    from organisations o
    cross join lateral (select count(*) as open, count(*) filter (where g.due_date < $3::date) as overdue,
        sum($3::date - g.due_date) filter (where g.due_date < $3::date) as days_overdue,
        count(*) filter (where g.due_date < $3::date and ${inPeriod}) as due
      ${agreementsOf(`g.status in (${OPEN})`)}) op
    cross join lateral (${countIn(`g.status = 'gereed' and ${onTime}`)}) ot
    cross join lateral (${countIn(`g.status = 'gereed' and (${onTime}) is not true`)}) lt
    cross join lateral (${countIn(`g.due_date < $3::date and g.status not in (${NOT_BROKEN})`)}) un
    where (op.open > 0 or exists (select 1 ${agreementsOf(`g.status = any(enum_range(null::agreement_status)) and ${inPeriod}`)}))`;
  const overdue = 'sum(p.overdue)';
  const averageDaysOverdue = `sum(p.days_overdue) / nullif(${overdue}, 0)`;
  const onTimePercent = 'round(100.0 * sum(p.on_time) / nullif(sum(p.due), 0))';
  const perMunicipality = (where: string) => `select municipality_code, count(*) as n from cases where ${where} group by 1`;
  const weekCount = (col: string) => `(select count(*)::int from signals s where ${col} >= w.starts and ${col} < w.ends)`;
  return [
    {
      text: `select (select count(*)::int from cases where status in (${ACTIVE})) as active,
               (select count(*)::int from cases where ${within('created_at')}) as referrals,
               ${median('triaged_at', within('triaged_at'))} as triage,
               ${median('closed_at', `${within('closed_at')} and status = 'afgesloten'`)} as closure`,
      params: [from, to],
    },
    {
      text: `select grouping(p.organisation_id) = 1 as total, p.organisation_id, p.name, p.short_name,
               coalesce(sum(p.open), 0)::int as open, coalesce(${overdue}, 0)::int as overdue,
               coalesce(sum(p.due), 0)::int as due, coalesce(sum(p.on_time), 0)::int as on_time,
               ${onTimePercent}::int as on_time_percent, round(${averageDaysOverdue}, 1) as average_days_overdue
             from (${perOwner}) p
             group by grouping sets ((p.organisation_id, p.name, p.short_name), ())
             order by grouping(p.organisation_id), ${overdue} desc, ${averageDaysOverdue} desc nulls last,
               ${onTimePercent} asc nulls last, sum(p.open) desc, p.name asc`,
      params: [from, to, today],
    },
    {
      text: `select m.code, m.name, coalesce(a.n, 0)::int as active, coalesce(r.n, 0)::int as referrals
             from municipalities m
               left join (${perMunicipality(`status in (${ACTIVE})`)}) a on a.municipality_code = m.code
               left join (${perMunicipality(within('created_at'))}) r on r.municipality_code = m.code
             where (m.safety_region_code = (select value ->> 'safetyRegionCode' from settings where key = 'house') and m.active)
                or exists (select 1 from cases others where others.municipality_code = m.code)
             order by 3 desc, 4 desc, m.name`,
      params: [from, to],
    },
    { text: `select s.level, count(*)::int as n from signals s where s.status <> 'resolved' group by s.level`, params: [] },
    {
      text: `select w.week_start::text as week_start, ${weekCount('s.created_at')} as opened, ${weekCount('s.resolved_at')} as resolved
             from (select week_start, (greatest(week_start, $1::date))::timestamp at time zone 'Europe/Amsterdam' as starts,
                     (least(week_start + 6, $2::date) + 1)::timestamp at time zone 'Europe/Amsterdam' as ends
                   from (select generate_series(date_trunc('week', $1::date), $2::date, interval '1 week')::date as week_start) g) w
             order by w.week_start`,
      params: [from, to],
    },
  ];
}
