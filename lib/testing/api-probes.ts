import { openApiDocument } from '@/lib/openapi/document';

/*
 * What lib/http/no-server-errors.test.ts sends to every operation of the OpenAPI document: for each
 * documented field, path and query parameter, values no handler should choke on.
 */

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
export type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } };

export const apiDocument = openApiDocument({ secureCookies: false }) as unknown as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

const resolve = (schema: Schema): Schema =>
  schema.$ref ? resolve(apiDocument.components.schemas[schema.$ref.split('/').at(-1)!]!) : schema;

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

export interface Ids {
  case: string;
  byParam: Record<string, string>;
  byField: Record<string, string>;
}

export interface Probe {
  what: string;
  path: Record<string, string>;
  query?: string;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** The answer must be a refusal (4xx): the input must never be accepted. */
  mustRefuse?: boolean;
}

export function probesFor(apiPath: string, method: string, op: Operation, ids: Ids): Probe[] {
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
