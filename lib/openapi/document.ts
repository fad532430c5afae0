import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { toZodOpenApi, type Paths } from './operation';
import { pathParameters } from './path-parameters';
import { AGREEMENT_PATHS } from './paths/agreements';
import { CASE_PATHS } from './paths/cases';
import { DASHBOARD_PATHS, DASHBOARD_TAG } from './paths/dashboard';
import { MEETING_PATHS, MEETING_TAG } from './paths/meetings';
import { MINUTES_PATHS } from './paths/minutes';
import { OPERATION_PATHS } from './paths/operations';
import { REFERRAL_PATHS } from './paths/referrals';
import { SIGNAL_PATHS, SIGNAL_TAG } from './paths/signals';
import { SUBJECT_ACCESS_PATHS } from './paths/subject-access';

/**
 * The OpenAPI 3.1 document of the HTTP API, built by zod-openapi from the zod schemas the route handlers
 * parse with (request bodies, query strings, path parameters) and the lib's response schemas, so the
 * document cannot drift from the code.
 */

/** Every path of the API; lib/openapi/document.test.ts checks this against the route files. */
const PATHS: Paths = {
  ...OPERATION_PATHS,
  ...CASE_PATHS,
  ...REFERRAL_PATHS,
  ...AGREEMENT_PATHS,
  ...MEETING_PATHS,
  ...MINUTES_PATHS,
  ...DASHBOARD_PATHS,
  ...SIGNAL_PATHS,
  ...SUBJECT_ACCESS_PATHS,
};

/** `getCasesIdPartners` for GET /api/v1/cases/{id}/partners. */
const operationId = (method: string, path: string) =>
  `${method}${path.replace(/^\/api(\/v1)?/, '').replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, c?: string) => (c ?? '').toUpperCase())}`;

function zodPaths(): ZodOpenApiPathsObject {
  return Object.fromEntries(
    Object.entries(PATHS).map(([path, methods]) => [
      path,
      Object.fromEntries(
        Object.entries(methods).map(([method, op]) => {
          const operation = toZodOpenApi(op);
          const parameters = [...pathParameters(path), ...(operation.parameters ?? [])];
          return [method, { operationId: operationId(method, path), ...operation, ...(parameters.length && { parameters }) }];
        }),
      ),
    ]),
  );
}

export interface OpenApiOptions {
  /** Over https the session cookie carries the __Host- prefix (see lib/auth/cookies.ts). */
  secureCookies: boolean;
  /** The app's own address (NEXTAUTH_URL); without it the server is "/", the host that serves the document. */
  baseUrl?: string;
}

/** The document as JSON, with the parts this module always fills in. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string }[];
  security: Record<string, string[]>[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>> & {
    schemas: Record<string, unknown>;
    securitySchemes: Record<'sessionCookie' | 'metricsToken', { type: string; in?: string; name?: string; scheme?: string }>;
  };
}

const built = new Map<string, OpenApiDocument>();

/** The document (built once per variant: the schemas do not change while the process runs). */
export function openApiDocument({ secureCookies, baseUrl }: OpenApiOptions) {
  const server = baseUrl ? new URL(baseUrl).origin : '/';
  const key = `${secureCookies} ${server}`;
  let document = built.get(key);
  if (!document) built.set(key, (document = build(secureCookies, server)));
  return document;
}

/**
 * How a script signs in and writes: what lib/auth/options.ts (the credentials provider), next-auth's CSRF
 * token and lib/http/same-origin.ts ask of it. document.test.ts holds this text to those modules.
 */
const SCRIPT_ACCESS = [
  'JSON API of Casusregie, with the same session as the web app.',
  [
    '**Signing in from a script** takes two requests. `GET /api/auth/csrf` answers `{ "csrfToken": "…" }` and sets a',
    'CSRF cookie. Then one form-encoded (`application/x-www-form-urlencoded`) POST to `/api/auth/callback/credentials`,',
    'with that cookie, sends `csrfToken`, `email`, `password` and `code` together: `code` is the current six-digit code',
    "of the user's authenticator app (TOTP), or one of their recovery codes. The answer sets the session cookie; with",
    '`json=true` in the form it is `{ "url": "…" }`, and a `url` containing `error=` means the sign-in failed. Without',
    '`code` the session is only half signed in: the API answers 401 until the second step is done.',
  ].join(' '),
  [
    '**Every POST, PUT, PATCH or DELETE that carries the session cookie must send an `Origin` header** with the',
    'address of this site (`Origin: https://casusregie.example.nl`), as browsers do by themselves. Scripts must set it',
    'too: without it, or with another site in it, the request answers 403 and changes nothing.',
  ].join(' '),
  'Lists answer `{ items, total }`; errors answer `{ error, fieldErrors? }` with a Dutch message.',
].join('\n\n');

function build(secureCookies: boolean, server: string): OpenApiDocument {
  const cookieName = secureCookies ? '__Host-casusregie.session' : 'casusregie.session';
  const document = createDocument(
    {
      openapi: '3.1.0',
      info: { title: 'Casusregie API', version: '1', description: SCRIPT_ACCESS },
      servers: [{ url: server, description: server === '/' ? 'The server that serves this document' : 'This installation' }],
      tags: [
        { name: 'Cases', description: 'Casussen: referral, view, edit, lifecycle' },
        { name: 'Partners', description: 'Partner organisations convened to a case, and the case lead' },
        { name: 'Agreements', description: 'Afspraken: who does what by when, and the progress logged on them' },
        MEETING_TAG,
        DASHBOARD_TAG,
        SIGNAL_TAG,
        { name: 'Profile', description: 'The signed-in user' },
        { name: 'Operations', description: 'Health, readiness and this document' },
      ],
      security: [{ sessionCookie: [] }],
      paths: zodPaths(),
      components: {
        securitySchemes: {
          metricsToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'The token in METRICS_TOKEN, for the metrics scraper only (GET /api/metrics).',
          },
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: cookieName,
            description:
              'The next-auth session cookie, set by signing in (see the description of this API: email, password and code in one POST). It is called `casusregie.session` over http and `__Host-casusregie.session` over https. Send `Origin` with every POST, PUT, PATCH or DELETE.',
          },
        },
      },
    },
    {
      override: ({ jsonSchema, zodSchema, io }) => {
        if (io !== 'output') return;
        // Answers carry dates as JSON strings.
        if (zodSchema._zod.def.type === 'date') Object.assign(jsonSchema, { type: 'string', format: 'date-time' });
        // A field added to an answer later must not break a client that validates answers.
        if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
      },
    },
  );
  return document as unknown as OpenApiDocument;
}

