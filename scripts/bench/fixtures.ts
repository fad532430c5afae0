import { decryptField } from '@/lib/crypto/field';
import { todayInAmsterdam } from '@/lib/calendar/today';
import { DEMO_TOTP_SECRETS } from '@/lib/seed/demo-data';
import type { SqlDriver } from './sql-driver';
import { literalListText } from '@/db/literal-list';
import { OPEN_AGREEMENT_STATUSES } from '@/lib/agreements/statuses';

/** The three accounts the bench signs in as (demo accounts, which seed:scale creates). */
export const BENCH_ACCOUNTS = {
  regisseur: 'regisseur@example.org',
  professional: 'politie@example.org',
  manager: 'manager@example.org',
} as const;
export type BenchRole = keyof typeof BENCH_ACCOUNTS;

export interface Account {
  email: string;
  userId: string;
  organisationId: string;
  role: string;
  totpSecret: string;
  /** The last TOTP step the server accepted: the bench must use a later one. */
  lastUsedStep: number | null;
}

/**
 * What the requests vary over, read once from the database before the server starts: many different
 * cases, surnames and agreements, so a figure is not the figure of one hot row.
 */
export interface Fixtures {
  accounts: Record<BenchRole, Account>;
  caseIds: string[];
  surnames: string[];
  /** Open agreements owned by the professional's organisation, in cases it is convened to. */
  agreementIds: string[];
  listFilter: { status: string; municipality: string };
  dashboard: { from: string; to: string; today: string };
  /** Cases in the database. */
  cases: number;
}

function yearBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function loadFixtures(db: SqlDriver, now = new Date()): Promise<Fixtures> {
  const accounts = {} as Record<BenchRole, Account>;
  for (const [role, email] of Object.entries(BENCH_ACCOUNTS) as [BenchRole, string][]) {
    const [row] = await db.query<{ id: string; organisation_id: string; role: string; last_used_step: string | null }>(
      `select u.id, u.organisation_id, u.role, t.last_used_step from users u left join user_totp t on t.user_id = u.id
       where lower(u.email) = $1 and u.active`,
      [email],
    );
    if (!row) throw new Error(`Het account ${email} ontbreekt: vul de database met npm run seed:scale (dat maakt de demo-accounts).`);
    accounts[role] = {
      email, userId: row.id, organisationId: row.organisation_id, role: row.role, totpSecret: DEMO_TOTP_SECRETS[email]!,
      lastUsedStep: row.last_used_step === null ? null : Number(row.last_used_step),
    };
  }
  const cases = (await db.query<{ n: number }>('select count(*)::int as n from cases'))[0]!.n;
  if (cases === 0) throw new Error('De database bevat geen casussen: vul hem eerst met npm run seed:scale -- --cases N.');
  const sample = await db.query<{ id: string; subject_name: string }>(
    `select id, subject_name from cases tablesample system (least(100, greatest(0.1, 100000.0 / $1))) limit 300`,
    [cases],
  );
  const caseIds = sample.map((r) => r.id);
  const surnames = [...new Set(sample.slice(0, 60).map((r) => decryptField(r.subject_name, 'subject_name').split(' ').at(-1)!))];
  const agreements = await db.query<{ id: string }>(
    `select a.id from agreements a
     where a.owner_organisation_id = $1 and a.status in (${literalListText(OPEN_AGREEMENT_STATUSES)})
       and exists (select 1 from case_partners p where p.case_id = a.case_id and p.organisation_id = $1 and p.ended_at is null)
     order by a.id limit 500`,
    [accounts.professional.organisationId],
  );
  if (!agreements.length) throw new Error('Geen open afspraken van de organisatie van politie@example.org gevonden om voortgang op te melden.');
  // The busiest municipality with active cases: a filter a regisseur of a large city uses every day.
  const [busiest] = await db.query<{ code: string }>(
    `select municipality_code as code from cases where status = 'actief' group by 1 order by count(*) desc limit 1`,
  );
  const today = todayInAmsterdam(now);
  return {
    accounts,
    caseIds,
    surnames,
    agreementIds: agreements.map((a) => a.id),
    listFilter: { status: 'actief', municipality: busiest?.code ?? 'GM0344' },
    dashboard: { from: yearBefore(today), to: today, today },
    cases,
  };
}

/**
 * The regisseur's case searches are limited to 30 a minute (lib/auth/throttle.ts); a load test makes
 * thousands. The bench gives its regisseur a counter that cannot reach the limit — the app still does
 * the same counting work per search — and removes it afterwards.
 */
export async function liftSearchLimit(db: SqlDriver, userId: string): Promise<void> {
  await db.query(
    `insert into rate_limits (key, hits, window_start) values ($1, -2000000000, '2999-01-01')
     on conflict (key) do update set hits = -2000000000, window_start = '2999-01-01', locked_until = null`,
    [`search:${userId}`],
  );
}

export async function restoreSearchLimit(db: SqlDriver, userId: string): Promise<void> {
  await db.query('delete from rate_limits where key = $1', [`search:${userId}`]);
}
