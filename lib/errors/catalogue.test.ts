import { readFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { AppError, isMessageKey, msg, render } from '@/lib/errors';
import { catalogues } from './messages';

const ROOT = path.resolve(import.meta.dirname, '../..');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogues', () => {
  it('have every key in Dutch and in English, with the same placeholders and no empty text', () => {
    expect(Object.keys(catalogues.en).sort()).toEqual(Object.keys(catalogues.nl).sort());
    for (const [key, dutch] of Object.entries(catalogues.nl) as [keyof typeof catalogues.nl, string][]) {
      const english = catalogues.en[key];
      expect(dutch.trim(), key).not.toBe('');
      expect(english.trim(), key).not.toBe('');
      // zod's own message is carried in both languages; each catalogue takes its own.
      if (key !== 'zod.builtin') expect(placeholders(english), key).toEqual(placeholders(dutch));
    }
  });

  it('render a key with parameters, a key inside a parameter, and plain text as it is', () => {
    expect(render(msg('common.maxChars', { max: 200 }), 'en')).toBe('At most 200 characters.');
    expect(render(msg('common.maxChars', { max: 200 }))).toBe('Maximaal 200 tekens.');
    const nested = msg('cases.fillIn', { label: msg('cases.label.subjectName') });
    expect(render(nested)).toBe('Vul de naam van de betrokkene in.');
    expect(render(nested, 'en')).toBe('Enter the name of the person concerned.');
    // A parameter with "?", "&" or "=" in it (an organisation's name) survives the round trip.
    expect(render(msg('cases.partnerAlreadyInvolved', { name: 'A&B = C? Zorg' }), 'en')).toBe('A&B = C? Zorg is already involved in this case.');
    expect(render('Een oude Nederlandse melding.', 'en')).toBe('Een oude Nederlandse melding.');
  });

  it('an AppError holds the Dutch text as its message and answers each language on request', () => {
    const error = new AppError('VALIDATION', msg('common.checkFields'), { name: [msg('common.fillInName')] });
    expect(error.message).toBe('Controleer de gemarkeerde velden.');
    expect(error.fieldErrors).toEqual({ name: ['Vul een naam in.'] });
    expect(error.localized('en')).toEqual({ message: 'Check the highlighted fields.', fieldErrors: { name: ['Enter a name.'] } });
    // Thrown with a Dutch sentence (code written before the keys): still shown, in Dutch.
    expect(new AppError('CONFLICT', 'Al gedaan.').localized('en')).toEqual({ message: 'Al gedaan.' });
  });
});

/*
 * Every message a user can be refused with is a key: the literals (template literals too) in
 * `new AppError(…)`, `super(…)` of an error class, `validation(…)`, a file's own `refuse(message)`-style
 * helper, a form's answer or a refusal result (`{ ok: false, message }`), the constants those name, and
 * the messages of zod schemas. A Dutch sentence left in one of those
 * places would reach an English reader in Dutch; this lists them.
 */
const ZOD_CALLS = new Set([
  'string', 'number', 'boolean', 'date', 'enum', 'literal', 'uuid', 'email', 'url', 'object', 'strictObject', 'array',
  'union', 'discriminatedUnion', 'refine', 'superRefine', 'check', 'custom', 'min', 'max', 'length', 'regex', 'int',
  'positive', 'nonnegative', 'gte', 'lte', 'gt', 'lt', 'nonempty', 'startsWith', 'endsWith', 'includes', 'datetime',
  'time', 'iso', 'addIssue', 'multipleOf',
]);

function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (callee.kind === ts.SyntaxKind.SuperKeyword) return 'super';
  return '';
}

/**
 * The file's own refusal helpers (`refuse(message)`, a function with a parameter named message that
 * throws): their calls are message positions too. Name → index of that parameter.
 */
function refusalHelpers(sf: ts.SourceFile): Map<string, number> {
  const helpers = new Map<string, number>();
  const consider = (name: string, fn: ts.SignatureDeclaration & { body?: ts.Node }) => {
    const index = fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && /message/i.test(p.name.text));
    if (index >= 0 && fn.body && /\bthrow\b|new AppError\(|\bvalidation\(/.test(fn.body.getText())) helpers.set(name, index);
  };
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) && node.name) consider(node.name.text, node);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))) {
      consider(node.name.text, node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return helpers;
}

/** The initializers of the file's constants, so `const message = `…`; throw new AppError(…, message)` is seen. */
function constants(sf: ts.SourceFile): Map<string, ts.Expression> {
  const found = new Map<string, ts.Expression>();
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.getCombinedNodeFlags(node) & ts.NodeFlags.Const) {
      found.set(node.name.text, node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** An answer to a form or a refusal result: `{ ok: false, message }`, `{ message, fieldErrors }`. */
const isAnswerObject = (node: ts.ObjectLiteralExpression) => {
  const names = node.properties.map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : ''));
  return names.includes('message') && (names.includes('ok') || names.includes('fieldErrors'));
};

/** The literal texts in message positions of one file that are not message keys. */
function plainMessages(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const helpers = refusalHelpers(sf);
  const consts = constants(sf);
  const followed = new Set<string>();
  const report = (node: ts.Node) => {
    const text = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : ts.isTemplateExpression(node) ? node.getText() : undefined;
    // A sentence, not a field name or an enum value.
    if (text === undefined || isMessageKey(text) || !/[a-z]/.test(text) || !/\s|\.$/.test(text)) return;
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${file}:${line + 1} ${text}`);
  };
  const literalsIn = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) return report(node);
    if (ts.isCallExpression(node)) return; // msg('key', { … }) and other calls: their own business
    if (ts.isIdentifier(node)) {
      const init = consts.get(node.text);
      if (init && !followed.has(node.text)) {
        followed.add(node.text);
        literalsIn(init);
      }
      return;
    }
    if (ts.isPropertyAssignment(node)) return literalsIn(node.initializer);
    ts.forEachChild(node, literalsIn);
  };
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && calleeName(node) === 'AppError') node.arguments?.slice(1).forEach(literalsIn);
    else if (ts.isObjectLiteralExpression(node) && isAnswerObject(node)) {
      for (const prop of node.properties) {
        if (ts.isPropertyAssignment(prop) && ['message', 'fieldErrors'].includes(prop.name.getText())) literalsIn(prop.initializer);
      }
    } else if (ts.isCallExpression(node) && helpers.has(calleeName(node)) && ts.isIdentifier(node.expression)) {
      const arg = node.arguments[helpers.get(calleeName(node))!];
      if (arg) literalsIn(arg);
    } else if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      const inErrorClass = name === 'super' && /extends AppError/.test(source);
      if (name === 'validation' || inErrorClass) node.arguments.slice(name === 'super' ? 1 : 0).forEach(literalsIn);
      else if (ZOD_CALLS.has(name)) {
        for (const arg of node.arguments) {
          if (ts.isStringLiteral(arg) && ['min', 'max', 'length', 'regex', 'int', 'positive', 'gte', 'lte', 'gt', 'lt', 'nonempty', 'multipleOf'].includes(name)) report(arg);
          if (ts.isObjectLiteralExpression(arg)) {
            for (const prop of arg.properties) {
              if (ts.isPropertyAssignment(prop) && ['message', 'error'].includes(prop.name.getText())) literalsIn(prop.initializer);
            }
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/*
 * Still Dutch in every language, known and listed so nothing new joins them: the invitation page's answers
 * (its password rules come Dutch from lib/auth/password-policy.ts) and the recovery-code confirmation.
 */
const KNOWN_DUTCH = [
  'lib/auth/second-factor.ts:102 ',
  'lib/users/accept-invitation.ts:22 ',
  'lib/users/accept-invitation.ts:24 ',
  'lib/users/accept-invitation.ts:107 ',
  'lib/users/accept-invitation.ts:110 ',
  'lib/users/accept-invitation.ts:112 ',
];

describe('messages in the code', () => {
  it('are message keys wherever a refusal or a schema message is written', () => {
    const files = execFileSync('git', ['ls-files', 'lib/**/*.ts', 'app/**/*.ts', 'app/**/*.tsx'], { cwd: ROOT, encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter((file) => !/\.test\.ts$|^lib\/(testing|seed|openapi|errors)\//.test(file))
      // The environment and the field keys are checked at start-up, for the operator, in Dutch.
      .filter((file) => !/^lib\/(env|crypto)\//.test(file));
    const plain = files.flatMap((file) => plainMessages(file, readFileSync(path.join(ROOT, file), 'utf8')));
    expect(plain.filter((line) => !KNOWN_DUTCH.some((known) => line.startsWith(known)))).toEqual([]);
  });
});
