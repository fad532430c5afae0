/**
 * A guard over the entry points of the app: every route handler and every exported server action must be
 * registered in ROUTE_ACCESS (lib/access/route-access.ts) with what protects it, and the registry must
 * match the code: the case actions it names are exactly the ones the handler reaches through withCase()
 * or assertAllowed(), and everything that is not public reaches the sign-in check (getActor).
 * The code is read with the TypeScript parser and followed through imports into lib/.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ADMIN_ACTIONS } from './admin';
import { CASE_ACTIONS, type CaseAction } from './matrix';
import { ROLES } from './outcome';
import { authorize } from './policy';
import { ROUTE_ACCESS, type RouteProtection } from './route-access';
import { ACTION_DIRS, METHODS, REGISTRY, ROOT, factsOf, parse, walkFiles, type ParsedFile } from './route-scan';

// ---------------------------------------------------------------------------------------------------
// Finding the entry points

interface EntryPoint {
  id: string;
  key: string;
  file: string;
}

function routePath(rel: string): string {
  const segments = path.posix
    .dirname(rel)
    .split('/')
    .slice(1) // app/
    .filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith('@'));
  return `/${segments.join('/')}`;
}

function isUseServer(file: ParsedFile): boolean {
  const first = file.source.statements[0];
  return Boolean(
    first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === 'use server',
  );
}

const problems: string[] = [];

function discover(): EntryPoint[] {
  const entries: EntryPoint[] = [];
  for (const rel of walkFiles('app').filter((f) => /\/route\.(ts|js)$/.test(f))) {
    const file = parse(rel)!;
    if (file.starExports.length) problems.push(`${rel}: 'export *' hides which methods it exports; name them.`);
    for (const [name, key] of file.exports) {
      if (METHODS.includes(name)) entries.push({ id: `${name} ${routePath(rel)}`, key, file: rel });
    }
  }
  const candidates = ACTION_DIRS.flatMap((dir) => walkFiles(dir)).filter((f) =>
    /^\s*(?:(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*['"]use server['"]/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')),
  );
  for (const rel of candidates) {
    const file = parse(rel)!;
    if (!isUseServer(file)) continue;
    if (file.starExports.length) problems.push(`${rel}: 'export *' hides which actions it exports; name them.`);
    for (const [name, key] of file.exports) entries.push({ id: `action ${rel}#${name}`, key, file: rel });
  }
  return entries.sort((a, b) => a.id.localeCompare(b.id));
}

const ENTRIES = discover();
const order = (actions: Iterable<CaseAction>) => CASE_ACTIONS.filter((a) => [...actions].includes(a));
const format = (p: RouteProtection) => (typeof p === 'string' ? `'${p}'` : `[${p.map((a) => `'${a}'`).join(', ')}]`);

/** The registry line the code itself suggests. */
function suggestion(entry: EntryPoint): string {
  const facts = factsOf(entry.key);
  const actions = order(facts.actions);
  if (actions.length) {
    const warning = facts.signIn ? '' : ' // and put withActor()/getActor() in front: no sign-in check found';
    return `  '${entry.id}': ${format(actions as unknown as RouteProtection)},${warning}`;
  }
  if (facts.signIn) return `  '${entry.id}': 'authenticated', // or 'admin' if only functioneel beheer may use it`;
  return `  '${entry.id}': 'public', // no sign-in check found (getActor/withActor): is it really public?`;
}

describe('route coverage: every entry point is in ROUTE_ACCESS', () => {
  it('finds the entry points the app has', () => {
    expect(problems).toEqual([]);
    const ids = ENTRIES.map((e) => e.id);
    expect(ids).toEqual(
      expect.arrayContaining(['GET /api/health', 'GET /api/v1/me', 'action app/(app)/admin/actions.ts#setUserActiveAction']),
    );
    // The scanner itself must see through withActor to the sign-in check, and through lib to withCase.
    expect(factsOf(ENTRIES.find((e) => e.id === 'GET /api/v1/me')!.key)).toEqual({ actions: new Set(), signIn: true });
    expect(factsOf(ENTRIES.find((e) => e.id === 'GET /api/health')!.key).signIn).toBe(false);
    expect(factsOf('lib/cases/get-case.ts#getCase').actions).toEqual(new Set(['case.view']));
    console.log(`route coverage: ${ENTRIES.length} entry points, ${Object.keys(ROUTE_ACCESS).length} registered`);
  });

  it('registers every route handler and server action', () => {
    const missing = ENTRIES.filter((e) => !(e.id in ROUTE_ACCESS)).map(suggestion);
    expect(missing, `Not registered in ROUTE_ACCESS (${REGISTRY}). Add these lines:\n${missing.join('\n')}\n`).toEqual([]);
  });

  it('has no entries for entry points that no longer exist', () => {
    const ids = new Set(ENTRIES.map((e) => e.id));
    const stale = Object.keys(ROUTE_ACCESS).filter((id) => !ids.has(id));
    expect(stale, `No such route handler or server action; remove from ${REGISTRY}:\n${stale.map((id) => `  '${id}'`).join('\n')}\n`).toEqual([]);
  });

  it('names exactly the case actions each entry point performs', () => {
    const wrong = ENTRIES.filter((e) => e.id in ROUTE_ACCESS).flatMap((entry) => {
      const registered = ROUTE_ACCESS[entry.id]!;
      const claimed = typeof registered === 'string' ? [] : order(registered);
      const performed = order(factsOf(entry.key).actions);
      if (claimed.join() === performed.join()) return [];
      const fix = performed.length ? format(performed as unknown as RouteProtection) : "'authenticated' (or 'admin'/'public')";
      return [`  '${entry.id}': ${fix}, // registered: ${format(registered)}; the code checks: ${performed.join(', ') || 'no case action'}`];
    });
    expect(wrong, `ROUTE_ACCESS (${REGISTRY}) does not match the code; change these lines:\n${wrong.join('\n')}\n`).toEqual([]);
  });

  it('puts the sign-in check in front of everything that is not public', () => {
    const open = ENTRIES.filter((e) => {
      const registered = ROUTE_ACCESS[e.id];
      if (registered === 'second-factor') return !factsOf(e.key).pendingSignIn;
      return registered !== undefined && registered !== 'public' && registered !== 'next-auth' && !factsOf(e.key).signIn;
    }).map((e) => `  ${e.id} (${e.file}): registered as ${format(ROUTE_ACCESS[e.id]!)}, but never calls getActor()/withActor()`);
    expect(open, `Entry points without a sign-in check:\n${open.join('\n')}\n`).toEqual([]);
  });

  it('puts the admin gate in front of every admin entry point: 404 for every role but functioneel beheer', () => {
    const admin = ENTRIES.filter((e) => ROUTE_ACCESS[e.id] === 'admin');
    expect(admin.length).toBeGreaterThan(10);
    const ungated = admin.filter((e) => !factsOf(e.key).admin).map((e) => `  ${e.id} (${e.file})`);
    expect(ungated, `Registered as 'admin' but never reaches assertAdmin()/enforce('admin.…'):\n${ungated.join('\n')}\n`).toEqual([]);
    for (const action of [...ADMIN_ACTIONS.filter((a) => a.startsWith('admin.')), 'signal.settings' as const]) {
      for (const role of ROLES) expect(authorize({ role }, action), `${role} · ${action}`).toBe(role === 'admin' ? 'allow' : 'not-found');
    }
  });
});
