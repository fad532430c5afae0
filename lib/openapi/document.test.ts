import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseListQuerySchema } from '@/lib/cases/schemas';
import { csrfRefusal } from '@/lib/http/same-origin';
import { openApiDocument } from './document';

const API_DIR = path.resolve(import.meta.dirname, '../../app/api');
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Every route file under app/api (next-auth's own routes aside) as an OpenAPI path with its methods. */
function routesOnDisk(): Record<string, string[]> {
  const routes: Record<string, string[]> = {};
  for (const entry of readdirSync(API_DIR, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'route.ts') continue;
    const relative = path.relative(API_DIR, entry.parentPath);
    if (relative.split(path.sep)[0] === 'auth') continue;
    const apiPath = `/api/${relative.split(path.sep).join('/')}`.replace(/\[(\w+)\]/g, '{$1}');
    const source = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    const exported = [...source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+([A-Z]+)\b/g)].map(([, name]) => name!);
    routes[apiPath] = exported.filter((name) => METHODS.includes(name)).map((m) => m.toLowerCase()).sort();
  }
  return routes;
}

type Doc = ReturnType<typeof openApiDocument>;
type Operation = {
  security?: unknown[];
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  responses: Record<string, { $ref?: string }>;
};

function operations(doc: Doc): [string, string, Operation][] {
  return Object.entries(doc.paths).flatMap(([p, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([m, op]) => [p, m, op] as [string, string, Operation]),
  );
}

function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe('OpenAPI document', () => {
  const doc = openApiDocument({ secureCookies: false });

  it('is OpenAPI 3.1 and serialisable', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('documents exactly the route files on disk, each with exactly its methods', () => {
    const onDisk = routesOnDisk();
    // The scan itself must find the routes, or this test would pass on an empty directory.
    expect(Object.keys(onDisk)).toEqual(
      expect.arrayContaining(['/api/health', '/api/ready', '/api/v1/me', '/api/v1/cases', '/api/v1/cases/{id}', '/api/v1/openapi.json']),
    );
    expect(onDisk['/api/v1/cases']).toEqual(['get', 'post']);
    const documented = Object.fromEntries(
      Object.entries(doc.paths).map(([p, methods]) => [p, Object.keys(methods as object).sort()]),
    );
    expect(documented).toEqual(onDisk);
  });

  it('has the referral request schema with its required fields and no unknown ones', () => {
    const post = doc.paths['/api/v1/cases']!.post as unknown as Operation;
    expect(post.requestBody!.content['application/json']!.schema.$ref).toBe('#/components/schemas/Referral');
    const referral = doc.components.schemas.Referral as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { required?: string[]; pattern?: string }>;
    };
    expect(referral.required.sort()).toEqual(['criteria', 'goal', 'municipalityCode', 'reason', 'subject', 'targetGroup']);
    expect(referral.additionalProperties).toBe(false);
    expect(referral.properties.subject!.required!.sort()).toEqual(['birthDate', 'name']);
    expect(referral.properties.municipalityCode!.pattern).toBe('^GM\\d{4}$');
  });

  it('derives the list query parameters from the list query schema', () => {
    const get = doc.paths['/api/v1/cases']!.get as unknown as Operation;
    const query = get.parameters!.filter((p) => p.in === 'query');
    expect(query.map((p) => p.name).sort()).toEqual(Object.keys(caseListQuerySchema.shape).sort());
    expect(query.every((p) => !p.required)).toBe(true);
  });

  it('names every path parameter of a path', () => {
    for (const [p, , op] of operations(doc)) {
      const inPath = [...p.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
      expect(op.parameters?.filter((q) => q.in === 'path').map((q) => q.name) ?? [], p).toEqual(inPath);
    }
  });

  it('documents 401 and the error shape on every signed-in operation, and no sign-in on the public ones', () => {
    const publicPaths = ['/api/health', '/api/ready', '/api/v1/openapi.json', '/api/v1/calendar/{userId}/{token}'];
    for (const [p, m, op] of operations(doc)) {
      if (p === '/api/metrics') {
        // Not for users: the scraper's own bearer token, and no session.
        expect(op.security, `${m} ${p}`).toEqual([{ metricsToken: [] }]);
      } else if (publicPaths.includes(p)) {
        expect(op.security, `${m} ${p}`).toEqual([]);
      } else {
        expect(op.security, `${m} ${p}`).toBeUndefined();
        expect(op.responses['401']?.$ref, `${m} ${p}`).toBe('#/components/responses/Unauthenticated');
      }
    }
    expect(doc.security).toEqual([{ sessionCookie: [] }]);
    const error = doc.components.schemas.Error as { required: string[]; properties: Record<string, unknown> };
    expect(error.required).toEqual(['error']);
    expect(Object.keys(error.properties)).toEqual(expect.arrayContaining(['error', 'fieldErrors']));
    const mutating = operations(doc).filter(([, m]) => m !== 'get');
    for (const [p, m, op] of mutating) {
      expect(op.responses['403']?.$ref, `${m} ${p}`).toBe('#/components/responses/Forbidden');
    }
  });

  it('resolves every $ref inside the document', () => {
    const refs = [...new Set(refsIn(doc))];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const [, section, name] = ref.match(/^#\/components\/(schemas|responses)\/(\w+)$/) ?? [];
      expect(section, ref).toBeDefined();
      expect((doc.components as Record<string, Record<string, unknown>>)[section!]![name!], ref).toBeDefined();
    }
  });

  it('tells scripts to sign in with email, password and code in one POST, and to send Origin when they write', () => {
    const text = doc.info.description;
    expect(text).toContain('`GET /api/auth/csrf`');
    expect(text).toMatch(/one form-encoded \(`application\/x-www-form-urlencoded`\) POST to `\/api\/auth\/callback\/credentials`/);
    expect(text).toContain('sends `csrfToken`, `email`, `password` and `code` together');
    expect(text).toContain('Every POST, PUT, PATCH or DELETE that carries the session cookie must send an `Origin` header');
    expect(text).not.toMatch(/from a browser/i);
    // What the text says of Origin is what the server does: a script's PATCH with the cookie and without Origin is refused.
    const patch = (headers: Record<string, string>) =>
      new Request('http://casusregie.example.nl/api/v1/me', { method: 'PATCH', headers: { host: 'casusregie.example.nl', ...headers } });
    expect(csrfRefusal(patch({ cookie: 'casusregie.session=x' }))?.status).toBe(403);
    expect(csrfRefusal(patch({ cookie: 'casusregie.session=x', origin: 'http://casusregie.example.nl' }))).toBeNull();
  });

  it('names the server: the configured address, or the host that serves the document', () => {
    expect(doc.servers).toEqual([{ url: '/', description: 'The server that serves this document' }]);
    expect(openApiDocument({ secureCookies: true, baseUrl: 'https://casusregie.example.nl/' }).servers).toEqual([
      { url: 'https://casusregie.example.nl', description: 'This installation' },
    ]);
  });

  it('describes the session cookie by the name it has over http and over https', () => {
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'casusregie.session' });
    expect(openApiDocument({ secureCookies: true }).components.securitySchemes.sessionCookie.name).toBe(
      '__Host-casusregie.session',
    );
  });
});
