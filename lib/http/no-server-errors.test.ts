/**
 * Every operation of the OpenAPI document, called in this process through Next's own route runner by a
 * signed-in regisseur, with malformed ids, bodies, query strings and headers: keys named after what every
 * object inherits, NUL characters, undecodable escapes, numbers past any column, wrong types, arrays for
 * objects, bodies too large. No answer may be a 5xx; text with a NUL and a `__proto__` key in a strict body
 * must be refused (4xx), so nothing is written. Pages, TRACE and undecodable paths are handled by the
 * server before any route: e2e/security.spec.ts walks those.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { casePartners, cases, meetings, signals, agreements } from '@/db/schema';
import { asSystem } from '@/db/transaction';
import { closeDb, useFreshDatabase } from '@/db/testing';
import { captureLog } from '@/lib/log/testing';
import { openApiDocument } from '@/lib/openapi/document';
import { callRoute, signedInBrowser } from '@/lib/testing/next-request';

process.env.AUTH_SECRET ??= 'test-only-secret-0123456789abcdefghijklmnopqrstuvwxyz';

const NOW = new Date('2026-03-04T10:00:00+01:00');
const ORIGIN = 'http://localhost:3000';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: Json[];
  const?: Json;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Parameter = { name: string; in: 'path' | 'query' | 'header'; schema?: Schema };
type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } };

const doc = openApiDocument({ secureCookies: false }) as unknown as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

const resolve = (schema: Schema): Schema =>
  schema.$ref ? resolve(doc.components.schemas[schema.$ref.split('/').at(-1)!]!) : schema;

// ---------------------------------------------------------------------------------------------------
// What is sent

const NUL = 'a\u0000b';
/** Values put in place of each documented field, one at a time. */
const JUNK: Json[] = [
  null,
  NUL,
  '\u0000',
  2147483648,
  -2147483649,
  9007199254740993,
  1e308,
  -1,
  0,
  1.5,
  true,
  [],
  {},
  ['x', 'y'],
  { __proto__: { x: 1 } } as unknown as Json,
  'x'.repeat(5000),
  '2026-02-30',
  '99999-12-31',
  '%ZZ',
  '\ud800',
  "' OR 1=1 --",
  'constructor',
];
/** Whole bodies: not JSON, JSON of the wrong shape, prototype keys, too large, deeply nested. */
const RAW_BODIES: string[] = [
  '',
  '{',
  'null',
  '[]',
  '"x"',
  '1e999',
  '{"__proto__":{"x":1}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '{"toString":1,"valueOf":2,"hasOwnProperty":3}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  JSON.stringify({ x: 'y'.repeat(70 * 1024) }),
];
/** Values for each query parameter, as they appear in the query string (still encoded). */
const QUERY_JUNK = ['a%00b', '%ZZ', '', 'constructor', 'x'.repeat(3000), '99999999999999999999', '-1', '1e309', 'NaN', '2026-13-45', '__proto__'];
/** Whole query strings named after what every object inherits. */
const RAW_QUERIES = ['__proto__=1', '__proto__=1&__proto__=2', 'constructor=1', 'toString=1&valueOf=2', 'hasOwnProperty=x', '__proto__[x]=1', 'a%00b=1'];
/** Path parameters a client can send (an undecodable one never reaches a route: the server answers 400). */
const PATH_JUNK = ['x', '%ZZ', NUL, '0'.repeat(400), '__proto__', 'constructor', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-4fff-bfff-ffffffffffff', '../../etc/passwd'];

const CANDIDATES = ['2026-04-15', '2026-04-15T10:00:00.000Z', '10:00', 'GM0344', 'fuzz@example.org', 'Fuzz tekst'];

/** A plausible value for `schema`, so that one wrong field at a time reaches past the others. */
function sample(raw: Schema, key: string, ids: Ids): Json {
  const schema = resolve(raw);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0]!;
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return sample(options.find((o) => resolve(o).type !== 'null') ?? options[0]!, key, ids);
  if (schema.allOf) return sample(schema.allOf[0]!, key, ids);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, Json> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) out[name] = sample(property, name, ids);
      return out;
    }
    case 'array':
      return schema.minItems ? [sample(schema.items ?? {}, key, ids)] : [];
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1, (schema.exclusiveMinimum ?? 0) + 1);
    case 'boolean':
      return false;
    case 'string': {
      if (schema.format === 'uuid') return ids.byField[key] ?? ids.case;
      if (schema.format === 'date') return CANDIDATES[0]!;
      if (schema.format === 'date-time') return CANDIDATES[1]!;
      if (schema.format === 'email') return 'fuzz@example.org';
      if (schema.pattern) {
        const pattern = new RegExp(schema.pattern);
        const fits = CANDIDATES.find((c) => pattern.test(c));
        if (fits) return fits;
      }
      return 'Fuzz tekst'.padEnd(schema.minLength ?? 0, 'x');
    }
    default:
      return 'x';
  }
}

/** Dotted paths of the fields of an object schema, one level of nesting deep. */
function fieldPaths(raw: Schema, prefix: string[] = []): string[][] {
  const schema = resolve(raw);
  const out: string[][] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    out.push([...prefix, name]);
    if (prefix.length === 0 && resolve(property).properties) out.push(...fieldPaths(property, [name]));
  }
  return out;
}

function withField(base: Json, path: string[], value: Json): Json {
  const copy = structuredClone(base) as Record<string, Json>;
  let node = copy;
  for (const part of path.slice(0, -1)) {
    if (!node[part] || typeof node[part] !== 'object') node[part] = {};
    node = node[part] as Record<string, Json>;
  }
  // Own property even for `__proto__`, as JSON.parse would make it.
  Object.defineProperty(node, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const containsNul = (value: unknown): boolean =>
  typeof value === 'string' ? value.includes('\u0000') : Array.isArray(value) ? value.some(containsNul) : false;

// ---------------------------------------------------------------------------------------------------
// Where it is sent

interface Ids {
  case: string;
  byParam: Record<string, string>;
  byField: Record<string, string>;
}

interface Probe {
  what: string;
  path: Record<string, string>;
  query?: string;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** The answer must be a refusal (4xx): the input must never be accepted. */
  mustRefuse?: boolean;
}

function probesFor(apiPath: string, method: string, op: Operation, ids: Ids): Probe[] {
  const pathNames = [...apiPath.matchAll(/\{(\w+)\}/g)].map(([, name]) => name!);
  const realPath = Object.fromEntries(pathNames.map((name) => [name, ids.byParam[`${apiPath}:${name}`] ?? ids.byParam[name] ?? ids.case]));
  const probes: Probe[] = [{ what: 'as documented', path: realPath }];

  for (const name of pathNames) {
    for (const junk of PATH_JUNK) probes.push({ what: `path ${name}=${JSON.stringify(junk)}`, path: { ...realPath, [name]: junk } });
  }

  const query = (op.parameters ?? []).filter((p) => p.in === 'query');
  if (query.length || method === 'get') {
    for (const raw of RAW_QUERIES) probes.push({ what: `query ${raw}`, path: realPath, query: raw });
    for (const parameter of query) {
      for (const junk of QUERY_JUNK) {
        probes.push({ what: `query ${parameter.name}=${junk.slice(0, 20)}`, path: realPath, query: `${parameter.name}=${junk}`, mustRefuse: junk.includes('%00') });
      }
      probes.push({ what: `query ${parameter.name} twice`, path: realPath, query: `${parameter.name}=a&${parameter.name}=b` });
    }
  }

  for (const header of (op.parameters ?? []).filter((p) => p.in === 'header')) {
    for (const junk of ['', 'x'.repeat(2000), '__proto__', 'constructor', '%ZZ']) {
      probes.push({ what: `header ${header.name}=${junk.slice(0, 20)}`, path: realPath, headers: { [header.name]: junk }, body: '{}' });
    }
  }

  const bodySchema = op.requestBody?.content['application/json']?.schema;
  if (bodySchema) {
    const strict = resolve(bodySchema).additionalProperties === false;
    const base = sample(bodySchema, '', ids);
    probes.push({ what: 'body as sampled', path: realPath, body: JSON.stringify(base) });
    for (const raw of RAW_BODIES) probes.push({ what: `body ${raw.slice(0, 40)}`, path: realPath, body: raw });
    probes.push({ what: 'body as text/plain', path: realPath, body: JSON.stringify(base), contentType: 'text/plain' });
    probes.push({ what: 'body as an array of itself', path: realPath, body: JSON.stringify([base]) });
    probes.push({
      what: 'body with __proto__ first',
      path: realPath,
      body: `{"__proto__":{"isAdmin":true},${JSON.stringify(base).slice(1)}`,
      mustRefuse: strict,
    });
    for (const key of ['constructor', 'toString', 'valueOf']) {
      probes.push({ what: `body with ${key}`, path: realPath, body: JSON.stringify(withField(base, [key], 1)), mustRefuse: strict });
    }
    for (const field of fieldPaths(bodySchema)) {
      for (const junk of JUNK) {
        probes.push({
          what: `body ${field.join('.')}=${JSON.stringify(junk)?.slice(0, 30)}`,
          path: realPath,
          body: JSON.stringify(withField(base, field, junk)),
          mustRefuse: containsNul(junk),
        });
      }
    }
  }
  return probes;
}

async function send(apiPath: string, method: string, probe: Probe, cookie: string): Promise<Response> {
  const url = `${ORIGIN}${apiPath.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(probe.path[name]!))}${probe.query ? `?${probe.query}` : ''}`;
  const headers: Record<string, string> = { cookie, origin: ORIGIN, host: 'localhost:3000', ...probe.headers };
  if (probe.body !== undefined) headers['content-type'] = probe.contentType ?? 'application/json';
  const request = new Request(url, { method: method.toUpperCase(), headers, body: method === 'get' ? undefined : probe.body });
  return callRoute(apiPath, request, probe.path);
}

// ---------------------------------------------------------------------------------------------------

const operations = Object.entries(doc.paths).flatMap(([apiPath, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ apiPath, method, op })),
);

let cookie = '';
let ids: Ids;

beforeAll(async () => {
  await useFreshDatabase({ demo: true, now: NOW });
  ({ cookie } = await signedInBrowser('regisseur@example.org'));
  ids = await asSystem(async (tx) => {
    const [partner] = await tx.select({ id: casePartners.id, caseId: casePartners.caseId, organisationId: casePartners.organisationId }).from(casePartners).limit(1);
    const [agreement] = await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.caseId, partner!.caseId)).limit(1);
    const [meeting] = await tx.select({ id: meetings.id }).from(meetings).limit(1);
    const [signal] = await tx.select({ id: signals.id }).from(signals).limit(1);
    const [someCase] = await tx.select({ id: cases.id, regisseur: cases.regisseurUserId }).from(cases).where(eq(cases.id, partner!.caseId));
    // Without a row of that kind (the demo has no signals before the first sweep) a made-up id stands in.
    const none = '5f0c2a0e-8c1d-4e7b-9a52-3d6f1b2c4e8a';
    return {
      case: someCase!.id,
      byParam: {
        '/api/v1/meetings/{id}': meeting?.id ?? none,
        '/api/v1/meetings/{id}/transitions': meeting?.id ?? none,
        '/api/v1/meetings/{id}/ics': meeting?.id ?? none,
        '/api/v1/agreements/{id}': agreement?.id ?? none,
        '/api/v1/agreements/{id}/actions': agreement?.id ?? none,
        '/api/v1/signals/{id}/resolve': signal?.id ?? none,
        '/api/v1/signals/{id}/snooze': signal?.id ?? none,
        partnerId: partner!.id,
        userId: someCase!.regisseur ?? someCase!.id,
      },
      byField: { organisationId: partner!.organisationId, caseId: someCase!.id, partnerId: partner!.id, meetingId: meeting?.id ?? none },
    };
  });
}, 120_000);

afterAll(async () => {
  await closeDb();
});

describe('no operation of the API answers 5xx to malformed input', () => {
  it('walks every operation of the document', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it.each(operations.map((o) => [`${o.method.toUpperCase()} ${o.apiPath}`, o] as const))('%s', async (_name, { apiPath, method, op }) => {
    // The unexpected is logged on purpose by the handlers; this test reads the answers, not the log.
    captureLog();
    const failures: string[] = [];
    const probes = probesFor(apiPath, method, op, ids);
    for (const probe of probes) {
      const response = await send(apiPath, method, probe, cookie);
      const text = await response.text();
      if (response.status >= 500) failures.push(`${probe.what} → ${response.status} ${text.slice(0, 200)}`);
      else if (probe.mustRefuse && response.status < 400) failures.push(`${probe.what} → ${response.status}, expected a refusal`);
      else if (response.status >= 400 && response.status !== 405 && text) {
        // Every refusal says what is wrong, in Dutch, in the documented error shape.
        const body = JSON.parse(text) as { error?: unknown };
        if (typeof body.error !== 'string' || !body.error) failures.push(`${probe.what} → ${response.status} without a message`);
      }
    }
    vi.restoreAllMocks();
    expect(failures, `${failures.length} of ${probes.length} probes`).toEqual([]);
  }, 120_000);
});
