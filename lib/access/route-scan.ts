/**
 * Reads the app's code for route-coverage.test.ts: parses files with the TypeScript parser and follows each
 * entry point through imports into lib/, to tell which case actions it checks and whether it reaches the
 * sign-in check, the two-factor step's check or the admin gate.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ADMIN_ACTIONS } from './admin';
import { CASE_ACTIONS, type CaseAction } from './matrix';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const REGISTRY = 'lib/access/route-access.ts';
export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
/** Where server actions may live. */
export const ACTION_DIRS = ['app', 'lib', 'components'];
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

export interface ParsedFile {
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

export function walkFiles(dir: string, found: string[] = []): string[] {
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

export function parse(rel: string): ParsedFile | null {
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

export interface Facts {
  actions: Set<CaseAction>;
  signIn: boolean;
  /** Reaches getPendingSignIn (only meaningful for the 'second-factor' gate). */
  pendingSignIn?: boolean;
  /** Reaches the admin gate. */
  admin?: boolean;
}

const factsMemo = new Map<string, Facts>();

/** The case actions a declaration checks (directly or through what it calls) and whether it signs in. */
export function factsOf(key: string, visiting = new Set<string>()): Facts {
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
