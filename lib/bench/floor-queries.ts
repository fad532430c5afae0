import { queryTokens } from '@/lib/crypto/search-tokens';
import type { EndpointName } from './endpoint-names';
import type { Fixtures } from './fixtures';
import type { Statement } from './sql-driver';

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
      // lib/agreements/list-agreements.ts listAgreements, professional, owner=org: the page of open work
      // (the app reads the ids first, then the rows; here one statement with the same two steps).
      const a = f.accounts.professional;
      return [
        {
          text: `select g.id, g.case_id, c.number, g.description, g.owner_organisation_id, o.name, g.owner_user_id, ou.name as owner_name,
                   g.due_date, g.original_due_date, g.due_date_moves, g.status, g.blocked_at, g.blocked_reason, g.completed_at,
                   g.completion_note, g.last_progress_at, g.created_at, g.version,
                   (g.status in ('open', 'in_uitvoering') and g.due_date < $1) as overdue
                 from agreements g join cases c on c.id = g.case_id join organisations o on o.id = g.owner_organisation_id
                 left join users ou on ou.id = g.owner_user_id
                 where g.id in (select id from agreements where owner_organisation_id = $2 and status in ('open', 'in_uitvoering')
                                order by due_date asc, id asc limit 500)
                 order by g.due_date asc, g.id asc`,
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

/** lib/dashboard/figures.ts readDashboard and lib/signals/dashboard-source.ts, on the base tables. */
function dashboardStatements(f: Fixtures): Statement[] {
  const { from, to, today } = f.dashboard;
  const within = (col: string) =>
    `(${col} >= ($1::date::timestamp at time zone 'Europe/Amsterdam') and ${col} < (($2::date + 1)::timestamp at time zone 'Europe/Amsterdam'))`;
  const days = (col: string) => `extract(epoch from (${col} - created_at))::float8 / 86400`;
  const due = `(g.due_date between $1::date and $2::date and g.status <> 'vervallen' and (g.due_date < $3::date or g.status = 'gereed'))`;
  const onTime = `(${due} and g.status = 'gereed' and (g.completed_at at time zone 'Europe/Amsterdam')::date <= g.due_date)`;
  const overdue = `(g.status in ('open', 'in_uitvoering') and g.due_date < $3::date)`;
  return [
    {
      text: `select count(*) filter (where status in ('actief', 'monitoring')), count(*) filter (where ${within('created_at')}),
               round((percentile_cont(0.5) within group (order by ${days('triaged_at')}) filter (where ${within('triaged_at')}))::numeric, 1),
               round((percentile_cont(0.5) within group (order by ${days('closed_at')}) filter (where ${within('closed_at')} and status = 'afgesloten'))::numeric, 1)
             from cases`,
      params: [from, to],
    },
    {
      text: `select grouping(o.id) = 1 as total, o.id, o.name, o.short_name,
               count(*) filter (where g.status in ('open', 'in_uitvoering')) as open, count(*) filter (where ${overdue}) as overdue,
               count(*) filter (where ${due}) as due, count(*) filter (where ${onTime}) as on_time,
               round(100.0 * count(*) filter (where ${onTime}) / nullif(count(*) filter (where ${due}), 0))::int as pct,
               round(avg($3::date - g.due_date) filter (where ${overdue}), 1) as days_overdue
             from agreements g join cases c on c.id = g.case_id join organisations o on o.id = g.owner_organisation_id
             where g.status in ('open', 'in_uitvoering') or g.due_date between $1::date and $2::date
             group by grouping sets ((o.id, o.name, o.short_name), ())
             order by grouping(o.id), count(*) filter (where ${overdue}) desc, avg($3::date - g.due_date) filter (where ${overdue}) desc nulls last,
               round(100.0 * count(*) filter (where ${onTime}) / nullif(count(*) filter (where ${due}), 0)) asc nulls last,
               count(*) filter (where g.status in ('open', 'in_uitvoering')) desc, o.name asc`,
      params: [from, to, today],
    },
    {
      text: `select m.code, m.name, count(c.id) filter (where c.status in ('actief', 'monitoring')) as active,
               count(c.id) filter (where ${within('c.created_at')}) as referrals
             from municipalities m left join cases c on c.municipality_code = m.code
             where (m.safety_region_code = (select value ->> 'safetyRegionCode' from settings where key = 'house') and m.active)
                or exists (select 1 from cases others where others.municipality_code = m.code)
             group by m.code, m.name
             order by count(c.id) filter (where c.status in ('actief', 'monitoring')) desc, count(c.id) filter (where ${within('c.created_at')}) desc, m.name`,
      params: [from, to],
    },
    { text: `select s.level, count(*)::int as n from signals s left join cases c on c.id = s.case_id where s.status <> 'resolved' group by s.level`, params: [] },
    {
      text: `with weeks as (select generate_series(date_trunc('week', $1::date), $2::date, interval '1 week')::date as week_start),
             scoped as (select (s.created_at at time zone 'Europe/Amsterdam')::date as opened_on,
                               (s.resolved_at at time zone 'Europe/Amsterdam')::date as resolved_on
                        from signals s left join cases c on c.id = s.case_id)
             select w.week_start::text,
               (select count(*)::int from scoped where opened_on between greatest(w.week_start, $1::date) and least(w.week_start + 6, $2::date)) as opened,
               (select count(*)::int from scoped where resolved_on between greatest(w.week_start, $1::date) and least(w.week_start + 6, $2::date)) as resolved
             from weeks w order by w.week_start`,
      params: [from, to],
    },
  ];
}
