import { sql } from 'drizzle-orm';
import { queryRows } from './query';
import type { Executor } from './types';

/** The role every request runs as (drizzle/0001_app_role.sql); its grants are what RLS sits behind. */
const APP_ROLE = 'casusregie_app';

export const POLICIES_SNAPSHOT_PATH = 'db/policies.snapshot.sql';

interface TableRow {
  name: string;
  rls: boolean;
  forced: boolean;
}
interface PolicyRow {
  tablename: string;
  policyname: string;
  permissive: string;
  cmd: string;
  roles: string[] | string;
  qual: string | null;
  with_check: string | null;
}
interface GrantRow {
  name: string;
  kind: string;
  privileges: string;
}
interface ColumnGrantRow {
  name: string;
  privilege: string;
  columns: string;
}
interface FunctionRow {
  signature: string;
  returns: string;
  language: string;
  config: string | null;
  app_may_execute: boolean;
  body: string;
}

/**
 * The row-level security in force, as one readable SQL file: RLS flags of every table, each policy, the
 * app role's table and column grants and the security-definer functions. Generated from the catalogue of
 * a migrated database, in a fixed order and with whitespace normalised, so PGlite and PostgreSQL 15 give
 * the same text (checked by db/policies-snapshot.test.ts on both).
 */
export async function policiesSnapshot(db: Executor): Promise<string> {
  const tables = await queryRows<TableRow>(db, sql`
    select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p')
     order by c.relname`);
  const policies = await queryRows<PolicyRow>(db, sql`
    select tablename, policyname, permissive, cmd, roles, qual, with_check
      from pg_policies where schemaname = 'public'
     order by tablename, policyname`);
  const grants = await queryRows<GrantRow>(db, sql`
    select c.relname as name, c.relkind::text as kind,
           string_agg(distinct a.privilege_type, ', ' order by a.privilege_type) as privileges
      from pg_class c join pg_namespace n on n.oid = c.relnamespace,
           lateral aclexplode(c.relacl) a
     where n.nspname = 'public' and a.grantee = ${sql.raw(`'${APP_ROLE}'::regrole`)}
     group by c.relname, c.relkind
     order by c.relname`);
  const columnGrants = await queryRows<ColumnGrantRow>(db, sql`
    select c.relname as name, a.privilege_type as privilege,
           string_agg(att.attname, ', ' order by att.attname) as columns
      from pg_attribute att join pg_class c on c.oid = att.attrelid join pg_namespace n on n.oid = c.relnamespace,
           lateral aclexplode(att.attacl) a
     where n.nspname = 'public' and a.grantee = ${sql.raw(`'${APP_ROLE}'::regrole`)} and not att.attisdropped
     group by c.relname, a.privilege_type
     order by c.relname, a.privilege_type`);
  const functions = await queryRows<FunctionRow>(db, sql`
    select p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as signature,
           pg_get_function_result(p.oid) as returns, l.lanname as language,
           array_to_string(p.proconfig, ', ') as config,
           has_function_privilege(${sql.raw(`'${APP_ROLE}'`)}, p.oid, 'execute') as app_may_execute,
           p.prosrc as body
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_language l on l.oid = p.prolang
     where n.nspname = 'public' and p.prosecdef
     order by 1`);
  // Who the actor is: every policy asks these, so what they read is part of the rules (drizzle/0053).
  const actor = await queryRows<FunctionRow>(db, sql`
    select p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as signature,
           pg_get_function_result(p.oid) as returns, l.lanname as language,
           array_to_string(p.proconfig, ', ') as config, true as app_may_execute, p.prosrc as body
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_language l on l.oid = p.prolang
     where n.nspname = 'public' and not p.prosecdef and p.proname in ('app_user_id', 'app_user_role', 'app_user_org')
     order by 1`);

  const out: string[] = [
    '-- The row-level security in force, generated from the migrations in drizzle/ by `npm run db:policies`.',
    '-- Do not edit by hand: change the database with a new migration, then regenerate this file.',
    '-- db/policies-snapshot.test.ts fails while it differs from a freshly migrated database (PGlite and PostgreSQL).',
    `-- Every request runs as role ${APP_ROLE}, made the user's by app_become(): current_setting('app.user_id'),`,
    "-- with the user's role and organisation beside it (section 5).",
    '',
    '-- 1. Tables: row-level security enabled / forced (forced: applies to the table owner too)',
  ];
  const width = Math.max(...tables.map((t) => t.name.length));
  for (const t of tables) {
    out.push(`--   ${t.name.padEnd(width)}  ${t.rls ? 'enabled ' : 'disabled'}  ${t.forced ? 'forced' : '-'}`);
  }

  out.push('', `-- 2. Policies (${policies.length}), by table and name`);
  let table = '';
  for (const p of policies) {
    if (p.tablename !== table) {
      table = p.tablename;
      out.push('', `-- ${table}`);
    }
    const roles = pgArray(p.roles).join(', ');
    const lines = [`CREATE POLICY ${p.policyname} ON ${p.tablename} AS ${p.permissive} FOR ${p.cmd} TO ${roles}`];
    if (p.qual !== null) lines.push(`  USING ${layout(parenthesise(normalise(p.qual)), 8)}`);
    if (p.with_check !== null) lines.push(`  WITH CHECK ${layout(parenthesise(normalise(p.with_check)), 13)}`);
    out.push(lines.join('\n') + ';');
  }

  out.push('', `-- 3. Grants to ${APP_ROLE}`);
  for (const g of grants) {
    const what = g.kind === 'S' ? 'SEQUENCE ' : '';
    out.push(`GRANT ${g.privileges} ON ${what}${g.name} TO ${APP_ROLE};`);
  }
  const ungranted = tables.filter((t) => !grants.some((g) => g.name === t.name)).map((t) => t.name);
  if (ungranted.length > 0) out.push(`-- no table grant: ${ungranted.join(', ')}`);
  if (columnGrants.length > 0) {
    out.push('', '-- column grants');
    for (const c of columnGrants) out.push(`GRANT ${c.privilege} (${c.columns}) ON ${c.name} TO ${APP_ROLE};`);
  }

  out.push('', `-- 4. Security-definer functions (${functions.length}): run with their owner's rights, past RLS`);
  for (const f of functions) {
    out.push(
      '',
      `-- ${f.app_may_execute ? `${APP_ROLE} may execute` : `${APP_ROLE} may NOT execute`}`,
      `CREATE FUNCTION ${f.signature} RETURNS ${f.returns} LANGUAGE ${f.language} SECURITY DEFINER` +
        (f.config ? ` SET ${f.config}` : ''),
      `AS $body$\n${body(f.body)}\n$body$;`,
    );
  }
  out.push('', `-- 5. The actor, as the policies read it (plain SQL, inlined into each statement)`);
  for (const f of actor) {
    out.push('', `CREATE FUNCTION ${f.signature} RETURNS ${f.returns} LANGUAGE ${f.language}`, `AS $body$\n${body(f.body)}\n$body$;`);
  }
  return out.join('\n') + '\n';
}

/** node-postgres parses name[] to an array; PGlite may hand back the text form `{a,b}`. */
function pgArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  return value.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
}

/** One line per expression: the deparser's line breaks and indentation differ between versions. */
function normalise(expression: string): string {
  return expression.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim();
}

const WIDTH = 110;

/**
 * Breaks a long condition at its top-level AND/OR, one operand a line, indented by nesting; the deparser
 * parenthesises every operand, so the split never changes what a line means.
 */
function layout(expression: string, column: number): string {
  if (column + expression.length <= WIDTH) return expression;
  const wrapped = expression.startsWith('(') && expression.endsWith(')') && balanced(expression.slice(1, -1));
  const inner = wrapped ? expression.slice(1, -1) : expression;
  const parts = splitTopLevel(inner);
  if (parts.length === 1) return expression;
  const start = column + (wrapped ? 1 : 0);
  const lines = parts.map((part, i) => {
    if (i === 0) return layout(part.text, start);
    return `${' '.repeat(start)}${part.op} ${layout(part.text, start + part.op.length + 1)}`;
  });
  return (wrapped ? '(' : '') + lines.join('\n') + (wrapped ? ')' : '');
}

/** Operands of the AND/OR chain at parenthesis depth 0, outside string literals. */
function splitTopLevel(expression: string): { op: string; text: string }[] {
  const parts: { op: string; text: string }[] = [];
  let depth = 0;
  let quoted = false;
  let op = '';
  let from = 0;
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i];
    if (ch === "'") quoted = !quoted;
    if (quoted) continue;
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth !== 0 || ch !== ' ') continue;
    const next = /^ (AND|OR) /.exec(expression.slice(i));
    if (!next) continue;
    parts.push({ op, text: expression.slice(from, i) });
    op = next[1]!;
    from = i + next[0].length;
    i = from - 1;
  }
  parts.push({ op, text: expression.slice(from) });
  return parts;
}

function parenthesise(expression: string): string {
  return expression.startsWith('(') && balanced(expression.slice(1, -1)) && expression.endsWith(')') ? expression : `(${expression})`;
}

function balanced(inner: string): boolean {
  let depth = 0;
  for (const ch of inner) {
    depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** Bodies as written in the migration, trailing blanks and surrounding blank lines dropped. */
function body(source: string): string {
  return source
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Why a checked-in snapshot no longer matches the database, or null when it does. */
export function snapshotMismatch(checkedIn: string, actual: string): string | null {
  if (checkedIn === actual) return null;
  return (
    `${POLICIES_SNAPSHOT_PATH} differs from the migrated database: a migration changed RLS, grants or a ` +
    `security-definer function. Run \`npm run db:policies\` and commit the file.\n${firstDifference(checkedIn, actual)}`
  );
}

/** The first lines that differ, for a failure message a reader can act on. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n  checked in: ${a[i] ?? '(end of file)'}\n  database:   ${b[i] ?? '(end of file)'}`;
  }
  return 'no difference';
}
