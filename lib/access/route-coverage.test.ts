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

const ROOT = path.resolve(import.meta.dirname, '../..');
const REGISTRY = 'lib/access/route-access.ts';
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
/** Where server actions may live. */
const ACTION_DIRS = ['app', 'lib', 'components'];
/** Calls whose string arguments name the case action being checked (withAgreement passes it on to withCase). */
const GUARD_CALLS = new Set(['withCase', 'assertAllowed', 'withAgreement']);
/** The sign-in check: every request that is not public must get its actor from here. */
const SIGN_IN = 'lib/auth/actor.ts#getActor';
/** The two-factor step's check: a session that has passed the password only, for that step alone. */
const PENDING_SIGN_IN = 'lib/auth/actor.ts#getPendingSignIn';
/** The admin gate: the admin guard, or enforce() of an admin-only action of the policy (404 for others). */
const ADMIN_GUARD = 'lib/users/admin-guard.ts#assertAdmin';
const isAdminAction = (a: string) => (ADMIN_ACTIONS as readonly string[]).includes(a) && a.startsWith('admin.') || a === 'signal.settings';

// ---------------------------------------------------------------------------------------------------
// Reading the code

interface ParsedFile {
  rel: string;
  source: ts.SourceFile;
  /** Top-level functions, variables and classes by local name (the node to follow). */
  decls: Map<string, ts.Node>;
  /** Local names bound by imports from project files. */
  imports: Map<string, string>;
  /** Exported name → the key (file#name) it stands for. */
  exports: Map<string, string>;
  starExports: string[];
}

const parsed = new Map<string, ParsedFile | null>();

function walkFiles(dir: string, found: string[] = []): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return found;
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) walkFiles(rel, found);
    else if (/\.(ts|tsx|js|jsx|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) found.push(rel);
  }
  return found;
}

function resolveModule(fromRel: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = specifier.slice(2);
  else if (specifier.startsWith('.')) base = path.posix.join(path.posix.dirname(fromRel), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    const abs = path.join(ROOT, candidate);
    if (fs.existsSync(abs) && fs.statSync(abs).isFile()) return candidate;
  }
  return null;
}

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);

function parse(rel: string): ParsedFile | null {
  if (parsed.has(rel)) return parsed.get(rel)!;
  const abs = path.join(ROOT, rel);
  if (!fs.existsSync(abs)) {
    parsed.set(rel, null);
    return null;
  }
  const kind = rel.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(rel, fs.readFileSync(abs, 'utf8'), ts.ScriptTarget.Latest, true, kind);
  const file: ParsedFile = { rel, source, decls: new Map(), imports: new Map(), exports: new Map(), starExports: [] };
  for (const statement of source.statements) {
    const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && (statement.name || isDefault)) {
      const local = statement.name?.text ?? '#default';
      file.decls.set(local, statement);
      if (exported) file.exports.set(isDefault ? 'default' : local, `${rel}#${local}`);
    } else if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        if (!ts.isIdentifier(decl.name)) continue;
        file.decls.set(decl.name.text, decl.initializer ?? decl);
        if (exported) file.exports.set(decl.name.text, `${rel}#${decl.name.text}`);
      }
    } else if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const target = resolveModule(rel, statement.moduleSpecifier.text);
      const bindings = statement.importClause?.namedBindings;
      if (!target || statement.importClause?.isTypeOnly) continue;
      if (statement.importClause?.name) file.imports.set(statement.importClause.name.text, `${target}#default`);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          if (!element.isTypeOnly) {
            file.imports.set(element.name.text, `${target}#${element.propertyName?.text ?? element.name.text}`);
          }
        }
      }
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      const target =
        statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
          ? resolveModule(rel, statement.moduleSpecifier.text)
          : undefined;
      if (!statement.exportClause) {
        file.starExports.push(statement.moduleSpecifier?.getText(source) ?? '*');
      } else if (ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) {
          if (element.isTypeOnly) continue;
          const local = element.propertyName?.text ?? element.name.text;
          file.exports.set(element.name.text, target === undefined ? `${rel}#${local}` : `${target ?? 'external'}#${local}`);
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      file.decls.set('#default', statement.expression);
      file.exports.set('default', `${rel}#default`);
    }
  }
  parsed.set(rel, file);
  return file;
}

/** Follows a key (file#name) through imports and re-exports to the declaration it names. */
function declarationOf(key: string, seen = new Set<string>()): { file: ParsedFile; node: ts.Node; key: string } | null {
  if (seen.has(key)) return null;
  seen.add(key);
  const [rel, name] = key.split('#') as [string, string];
  const file = parse(rel);
  if (!file) return null;
  const local = name === 'default' && !file.decls.has('default') ? '#default' : name;
  const node = file.decls.get(local);
  if (node) return { file, node, key: `${rel}#${local}` };
  const imported = file.imports.get(name);
  if (imported) return declarationOf(imported, seen);
  const exported = file.exports.get(name);
  if (exported && exported !== key) return declarationOf(exported, seen);
  return null;
}

interface Facts {
  actions: Set<CaseAction>;
  signIn: boolean;
  /** Reaches getPendingSignIn (only meaningful for the 'second-factor' gate). */
  pendingSignIn?: boolean;
  /** Reaches the admin gate. */
  admin?: boolean;
}

const factsMemo = new Map<string, Facts>();

/** The case actions a declaration checks (directly or through what it calls) and whether it signs in. */
function factsOf(key: string, visiting = new Set<string>()): Facts {
  const facts: Facts = { actions: new Set(), signIn: false };
  const found = declarationOf(key);
  if (!found) return facts;
  if (found.key === SIGN_IN) return { actions: new Set(), signIn: true };
  if (found.key === PENDING_SIGN_IN) return { actions: new Set(), signIn: false, pendingSignIn: true };
  if (found.key === ADMIN_GUARD) return { actions: new Set(), signIn: false, admin: true };
  if (factsMemo.has(found.key)) return factsMemo.get(found.key)!;
  if (visiting.has(found.key)) return facts;
  visiting.add(found.key);
  const { file } = found;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'enforce') {
      if (node.arguments.some((arg) => ts.isStringLiteralLike(arg) && isAdminAction(arg.text))) facts.admin = true;
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && GUARD_CALLS.has(node.expression.text)) {
      for (const arg of node.arguments) {
        if (ts.isStringLiteralLike(arg) && (CASE_ACTIONS as readonly string[]).includes(arg.text)) {
          facts.actions.add(arg.text as CaseAction);
        }
      }
    }
    if (ts.isIdentifier(node) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) {
      const name = node.text;
      const target = file.decls.has(name) ? `${file.rel}#${name}` : file.imports.get(name);
      if (target && target !== found.key) {
        const sub = factsOf(target, visiting);
        sub.actions.forEach((a) => facts.actions.add(a));
        facts.signIn ||= sub.signIn;
        if (sub.pendingSignIn) facts.pendingSignIn = true;
        if (sub.admin) facts.admin = true;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(found.node);
  visiting.delete(found.key);
  factsMemo.set(found.key, facts);
  return facts;
}

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
