import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import { APP_ROLE } from '@/db/transaction';
import type { Executor } from '@/db/types';

/** Grants every request needs (drizzle/0001 and later); a restore into a cluster without the role loses them all. */
const NEEDED: [table: string, privileges: string][] = [
  ['organisations', 'SELECT'],
  ['cases', 'SELECT, INSERT, UPDATE'],
  ['audit_log', 'SELECT, INSERT'],
  ['settings', 'SELECT'],
];

const RESTORE_HELP = 'zie docs/operations.md → Back-up en herstel';

/**
 * Whether requests can run as the app role: it exists, the database user may switch to it (SET LOCAL ROLE),
 * and it holds its grants. Dutch problems that say what to do; empty when all is well.
 */
export async function appRoleProblems(db: Executor): Promise<string[]> {
  const [role] = await queryRows<{ exists: boolean; member: boolean; usage: boolean; user: string }>(
    db,
    sql`select exists (select 1 from pg_roles where rolname = ${APP_ROLE}) as exists,
               current_user as user,
               coalesce((select pg_has_role(current_user, ${APP_ROLE}, 'MEMBER') where exists (select 1 from pg_roles where rolname = ${APP_ROLE})), false) as member,
               coalesce((select has_schema_privilege(${APP_ROLE}, 'public', 'USAGE') where exists (select 1 from pg_roles where rolname = ${APP_ROLE})), false) as usage`,
  );
  if (!role?.exists) {
    return [
      `De databaserol ${APP_ROLE} bestaat niet. Is dit een teruggezette back-up in een nieuw cluster: maak de rol eerst aan ` +
        `(CREATE ROLE ${APP_ROLE} NOLOGIN; GRANT ${APP_ROLE} TO ${role?.user ?? 'de eigenaar'};) en zet de back-up daarna opnieuw terug, ` +
        `zodat de rechten meekomen (${RESTORE_HELP}). Is de database leeg: voer npm run db:migrate uit.`,
    ];
  }
  const problems: string[] = [];
  if (!role.member) problems.push(`De databasegebruiker ${role.user} mag niet als ${APP_ROLE} werken: voer uit GRANT ${APP_ROLE} TO ${role.user};`);
  const missing: string[] = role.usage ? [] : ['USAGE op schema public'];
  for (const [table, privileges] of NEEDED) {
    const [row] = await queryRows<{ ok: boolean | null }>(
      db,
      sql`select case when to_regclass(${`public.${table}`}) is null then null else has_table_privilege(${APP_ROLE}, ${`public.${table}`}, ${privileges}) end as ok`,
    );
    if (row?.ok === false) missing.push(`${privileges} op ${table}`);
  }
  if (missing.length > 0) {
    problems.push(
      `De databaserol ${APP_ROLE} mist rechten (${missing.join('; ')}). Meestal is een back-up teruggezet terwijl de rol nog niet ` +
        `bestond: zet hem opnieuw terug nu de rol er is (pg_restore --clean --if-exists …; ${RESTORE_HELP}).`,
    );
  }
  return problems;
}
