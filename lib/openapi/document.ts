import { createAgreementSchema, logActionSchema, myAgreementsQuerySchema, updateAgreementSchema } from '@/lib/agreements/schemas';
import { agreementIdParam, IDEMPOTENCY_HEADER, idempotencyKeyHeader } from '@/lib/api/agreements';
import { caseIdParam, endPartnerBodySchema, partnerIdParam } from '@/lib/api/cases';
import {
  addPartnerSchema,
  caseLeadSchema,
  caseListQuerySchema,
  caseUpdateSchema,
  referralSchema,
  transitionSchema,
} from '@/lib/cases/schemas';
import { updateProfileSchema } from '@/lib/profile/profile';
import { z } from '@/lib/validation/zod';
import {
  caseLeadResult,
  caseListResponse,
  casePartner,
  casePartnerList,
  caseResponse,
  caseListItem,
  created,
  errorResponse,
  healthResponse,
  profileResponse,
  referralCreated,
  transitionResult,
} from './responses';
import {
  agreementActionEntry,
  agreementCreated,
  agreementHistoryList,
  agreementItem,
  agreementList,
  agreementUpdated,
} from './agreement-responses';
import {
  MEETING_ID_PARAMETERS,
  MEETING_PATH_PARAMETERS,
  MEETING_PATHS,
  MEETING_REQUEST_SCHEMAS,
  MEETING_RESPONSE_SCHEMAS,
  MEETING_TAG,
} from './meeting-paths';
import { MINUTES_PATH_PARAMETERS, MINUTES_PATHS, MINUTES_REQUEST_SCHEMAS, MINUTES_RESPONSE_SCHEMAS } from './minutes-paths';
import { DASHBOARD_PATHS, DASHBOARD_RESPONSE_SCHEMAS, DASHBOARD_TAG } from './dashboard-paths';
import { SIGNAL_ID_PARAMETERS, SIGNAL_PATHS, SIGNAL_REQUEST_SCHEMAS, SIGNAL_RESPONSE_SCHEMAS, SIGNAL_TAG } from './signal-paths';
import { SUBJECT_ACCESS_PATHS, SUBJECT_ACCESS_RESPONSE_SCHEMAS } from './subject-access-paths';

/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the zod schemas the route handlers parse
 * with (request bodies, query strings, path parameters), so the document cannot drift from the code.
 */

type JsonSchema = Record<string, unknown>;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

const REF = (name: string) => `#/components/schemas/${name}`;

/** Request bodies as clients send them (zod's input side; transforms do not change the shape). */
const REQUEST_SCHEMAS = {
  Referral: referralSchema,
  CaseUpdate: caseUpdateSchema,
  Transition: transitionSchema,
  AddPartner: addPartnerSchema,
  EndPartner: endPartnerBodySchema,
  CaseLead: caseLeadSchema,
  ProfileUpdate: updateProfileSchema,
  CreateAgreement: createAgreementSchema,
  UpdateAgreement: updateAgreementSchema,
  LogAgreementAction: logActionSchema,
  ...MEETING_REQUEST_SCHEMAS,
  ...MINUTES_REQUEST_SCHEMAS,
  ...SIGNAL_REQUEST_SCHEMAS,
} satisfies Record<string, z.ZodType>;

/** Response bodies as the server sends them. */
const RESPONSE_SCHEMAS = {
  Error: errorResponse,
  Health: healthResponse,
  Profile: profileResponse,
  CaseListItem: caseListItem,
  CaseList: caseListResponse,
  Case: caseResponse,
  ReferralCreated: referralCreated,
  TransitionResult: transitionResult,
  CasePartner: casePartner,
  CasePartnerList: casePartnerList,
  Created: created,
  CaseLeadResult: caseLeadResult,
  Agreement: agreementItem,
  AgreementList: agreementList,
  AgreementCreated: agreementCreated,
  AgreementUpdated: agreementUpdated,
  AgreementAction: agreementActionEntry,
  AgreementHistory: agreementHistoryList,
  ...MEETING_RESPONSE_SCHEMAS,
  ...MINUTES_RESPONSE_SCHEMAS,
  ...DASHBOARD_RESPONSE_SCHEMAS,
  ...SIGNAL_RESPONSE_SCHEMAS,
  ...SUBJECT_ACCESS_RESPONSE_SCHEMAS,
} satisfies Record<string, z.ZodType>;

type RequestName = keyof typeof REQUEST_SCHEMAS;
type ResponseName = keyof typeof RESPONSE_SCHEMAS;

/** A component lives inside the document: it needs no dialect or identifier of its own. */
function embedded(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema' && key !== '$id'));
}

/**
 * One registry per direction, so each side is converted with its own `io` and can $ref its parts.
 * Request bodies keep `additionalProperties: false` (unknown fields are rejected); response bodies
 * drop it, so that a field added later does not break a client that validates answers.
 */
function componentSchemas(schemas: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: out } = z.toJSONSchema(registry, {
    io,
    unrepresentable: 'any',
    uri: REF,
    override: ({ jsonSchema }) => {
      if (io === 'output' && jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    },
  });
  return Object.fromEntries(Object.entries(out).map(([id, schema]) => [id, embedded(schema as JsonSchema)]));
}

function inline(schema: z.ZodType): JsonSchema {
  return embedded(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
}

/** Each property of the list query schema becomes an optional query parameter. */
function queryParameters(schema: z.ZodObject): JsonSchema[] {
  const json = inline(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

/** `{id}` names the resource of the path segment before it: a case under /cases, an agreement under /agreements. */
const ID_PARAMETERS: Record<string, JsonSchema> = {
  cases: {
    name: 'id',
    in: 'path',
    required: true,
    description: 'Id of the case; anything but a UUID answers 404',
    schema: inline(caseIdParam),
  },
  agreements: {
    name: 'id',
    in: 'path',
    required: true,
    description: 'Id of the agreement; anything but a UUID answers 404, and so does an agreement of a case the user may not see',
    schema: inline(agreementIdParam),
  },
  ...MEETING_ID_PARAMETERS,
  ...SIGNAL_ID_PARAMETERS,
};

const PATH_PARAMETERS: Record<string, JsonSchema> = {
  partnerId: {
    name: 'partnerId',
    in: 'path',
    required: true,
    description: 'Id of the link between the case and a partner organisation (the `id` in the partner list)',
    schema: inline(partnerIdParam),
  },
  ...MEETING_PATH_PARAMETERS,
  ...MINUTES_PATH_PARAMETERS,
};

const ERRORS = {
  400: { name: 'BadRequest', description: 'The body is not valid JSON' },
  401: { name: 'Unauthenticated', description: 'Not signed in (or the session ended)' },
  403: {
    name: 'Forbidden',
    description:
      'The action is not allowed on a resource the user can see; or a POST, PUT, PATCH or DELETE with the session cookie came without an `Origin` header naming this site (or with one naming another site)',
  },
  404: { name: 'NotFound', description: 'Not found, or not visible to this user' },
  409: { name: 'Conflict', description: 'The `version` sent is no longer current: someone else changed it' },
  413: { name: 'PayloadTooLarge', description: 'The body is larger than 64 kB' },
  415: { name: 'UnsupportedMediaType', description: 'The body is not sent as application/json' },
  422: { name: 'Validation', description: 'Input rejected; `fieldErrors` names each field with its Dutch messages' },
  500: { name: 'Internal', description: 'Unexpected failure; the body carries a `correlationId`' },
  503: {
    name: 'Unavailable',
    description: 'The database is unreachable or too busy (a bounded wait ran out); try again after `Retry-After` seconds. The body carries a `correlationId`',
  },
} as const;
type ErrorStatus = keyof typeof ERRORS;

const BODY_ERRORS: ErrorStatus[] = [400, 413, 415, 422];

interface Operation {
  summary: string;
  description?: string;
  tags: string[];
  /** No session needed. */
  public?: boolean;
  /** Instead of the session: another scheme of components.securitySchemes (with public: no 401 of the session). */
  security?: Record<string, string[]>[];
  query?: z.ZodObject;
  /** Request headers the operation reads (besides the session cookie). */
  headers?: JsonSchema[];
  body?: RequestName;
  /** Success status, its description and its body (null: any JSON object). */
  success: [status: number, description: string, schema: ResponseName | null];
  errors?: ErrorStatus[];
  extraResponses?: Record<string, JsonSchema>;
}

const json = (schemaName: ResponseName | RequestName) => ({ 'application/json': { schema: { $ref: REF(schemaName) } } });

/** Every path of the API; lib/openapi/document.test.ts checks this against the route files. */
const PATHS: Record<string, Partial<Record<Method, Operation>>> = {
  '/api/health': {
    get: {
      summary: 'Liveness: the process answers',
      description: '`{ "status": "ok" }` while the process runs. Touches no database and needs no sign-in: for a load balancer or container check.',
      tags: ['Operations'],
      public: true,
      success: [200, 'The process is up', 'Health'],
    },
  },
  '/api/ready': {
    get: {
      summary: 'Readiness: the database is reachable',
      description:
        '200 while the database answers a check on a connection of its own (within 2 s); 503 while it does not or while the server shuts down, so that a load balancer stops sending traffic. The answer says what is wrong (`database.kind`) and how full the connection pool is; requests waiting for the pool (say, behind a table lock) do not make an instance unready. Needs no sign-in.',
      tags: ['Operations'],
      public: true,
      success: [200, 'Ready to serve', 'Health'],
      extraResponses: { 503: { description: 'The database is unreachable', content: json('Health') } },
    },
  },
  '/api/metrics': {
    get: {
      summary: 'Metrics for a scraper (Prometheus text format)',
      description:
        'Request latency per route template, the connection pool, the scheduled jobs, the mail outbox and failed sign-ins, in the Prometheus text format. Only with `Authorization: Bearer <METRICS_TOKEN>`; without that setting the endpoint does not exist (404). No personal data: labels are route templates, methods, status codes and job names.',
      tags: ['Operations'],
      public: true,
      security: [{ metricsToken: [] }],
      success: [200, 'The metrics', null],
      extraResponses: {
        200: { description: 'The metrics', content: { 'text/plain; version=0.0.4': { schema: { type: 'string' } } } },
        401: { description: 'No or a wrong bearer token', content: json('Error') },
        404: { description: 'METRICS_TOKEN is not set', content: json('Error') },
      },
    },
  },
  '/api/v1/openapi.json': {
    get: {
      summary: 'This document',
      description: 'The OpenAPI 3.1 description of this API. Needs no sign-in: it holds no data, only the shape of the API.',
      tags: ['Operations'],
      public: true,
      success: [200, 'The OpenAPI 3.1 document', null],
    },
  },
  '/api/v1/me': {
    get: {
      summary: 'The signed-in user',
      description: 'Name, email, role, language and organisation of the user whose session cookie came with the request, with the `version` to send back when changing them.',
      tags: ['Profile'],
      success: [200, 'The profile', 'Profile'],
    },
    patch: {
      summary: 'Change name or language',
      description: 'Any of `name` and `locale`, plus the `version` that was read (409 when it changed since). Send `Origin`: without it the request answers 403.',
      tags: ['Profile'],
      body: 'ProfileUpdate',
      success: [200, 'The changed profile', 'Profile'],
      errors: [...BODY_ERRORS, 403, 409],
    },
  },
  '/api/v1/cases': {
    get: {
      summary: 'List cases',
      description:
        'Filters, search, sorting and pagination. Regisseurs see every case, professionals the cases their organisation is convened to, managers pseudonymised facts (no `subjectName`).',
      tags: ['Cases'],
      query: caseListQuerySchema,
      success: [200, 'One page of cases and the total', 'CaseList'],
      errors: [403, 422],
    },
    post: {
      summary: 'Refer a case (aanmelding)',
      description: 'The case starts as `aangemeld`; a regisseur who refers becomes its regisseur.',
      tags: ['Cases'],
      body: 'Referral',
      success: [201, 'The new case', 'ReferralCreated'],
      errors: [...BODY_ERRORS, 403],
    },
  },
  '/api/v1/cases/{id}': {
    get: {
      summary: 'One case, as the user may see it',
      description: 'The `view` field tells which shape: full, shared, pseudonymised or receipt.',
      tags: ['Cases'],
      success: [200, 'The case', 'Case'],
      errors: [404],
    },
    patch: {
      summary: 'Edit a case',
      description: 'Any subset of the editable fields plus the `version` that was read.',
      tags: ['Cases'],
      body: 'CaseUpdate',
      success: [200, 'The case after the change', 'Case'],
      errors: [...BODY_ERRORS, 403, 404, 409],
    },
  },
  '/api/v1/cases/{id}/transitions': {
    post: {
      summary: 'Move a case through its lifecycle',
      description: 'Triage, monitoring, closure, pause and resume. An illegal step answers 422 with the reason.',
      tags: ['Cases'],
      body: 'Transition',
      success: [200, 'The new status and version', 'TransitionResult'],
      errors: [...BODY_ERRORS, 403, 404, 409],
    },
  },
  '/api/v1/cases/{id}/partners': {
    get: {
      summary: 'Partner organisations convened to the case',
      description: 'Current partners first, then earlier ones, each with the reason it was convened (a manager gets the facts only, without reasons). 404 for a case the user may not see.',
      tags: ['Partners'],
      success: [200, 'Current partners first', 'CasePartnerList'],
      errors: [404],
    },
    post: {
      summary: 'Convene a partner organisation',
      description: 'Regisseurs only. The people of that organisation see the case from then on, within what the case shares with partners.',
      tags: ['Partners'],
      body: 'AddPartner',
      success: [201, 'The id of the new link', 'Created'],
      errors: [...BODY_ERRORS, 403, 404],
    },
  },
  '/api/v1/cases/{id}/partners/{partnerId}/end': {
    post: {
      summary: "End a partner's participation",
      description: 'From then on the people of that organisation no longer see the case.',
      tags: ['Partners'],
      body: 'EndPartner',
      success: [200, 'The id of the ended link', 'Created'],
      errors: [...BODY_ERRORS, 403, 404],
    },
  },
  '/api/v1/cases/{id}/agreements': {
    get: {
      summary: 'Agreements of the case',
      description: 'Overdue first, then open ones by due date. A manager gets the facts only: no description, note or reason.',
      tags: ['Agreements'],
      success: [200, 'The agreements and their number', 'AgreementList'],
      errors: [404],
    },
    post: {
      summary: 'Make an agreement (afspraak) on the case',
      description:
        'Regisseurs only. The owning organisation must be convened to the case; the named professional, if any, must belong to it; the due date may not lie in the past. Made in a running meeting: `agendaItemId` (an item of this case) and/or `meetingId` link it to the item and the meeting.',
      tags: ['Agreements'],
      body: 'CreateAgreement',
      success: [201, 'The new agreement', 'AgreementCreated'],
      errors: [...BODY_ERRORS, 403, 404],
    },
  },
  '/api/v1/cases/{id}/lead': {
    put: {
      summary: 'Name the case lead (casusregisseur), or none',
      description: 'Regisseurs only. `userId` names a professional of a convened organisation, or `null` for no lead; plus the `version` of the case that was read.',
      tags: ['Partners'],
      body: 'CaseLead',
      success: [200, 'The new version of the case', 'CaseLeadResult'],
      errors: [...BODY_ERRORS, 403, 404, 409],
    },
  },
  '/api/v1/agreements': {
    get: {
      summary: 'Mijn afspraken (professionals) or all agreements of the house (regisseurs)',
      description:
        "A professional gets the agreements of their organisation (`owner=org`, the default) or only those named to them (`owner=me`), on cases their organisation is convened to; a regisseur gets every agreement (`owner` does not apply). Overdue first. Managers answer 403: they steer on the dashboard.",
      tags: ['Agreements'],
      query: myAgreementsQuerySchema,
      success: [200, 'The agreements and their number (at most 500)', 'AgreementList'],
      errors: [403, 422],
    },
  },
  '/api/v1/agreements/{id}': {
    patch: {
      summary: 'Edit an agreement (regisseurs)',
      description:
        'Any subset of description, owner (`ownerOrganisationId`, a convened partner, and `ownerUserId`), due date (with `dueDateReason`; kept in the history and counted), and status: open (reopen), gereed (gedaan), niet_nagekomen (niet gedaan, with `closeReason` niet_meer_mogelijk or niet_uitgevoerd and an optional `closeNote`) or vervallen; `meetingId` names the running meeting the change is made in. Plus the `version` that was read: a stale one answers 409.',
      tags: ['Agreements'],
      body: 'UpdateAgreement',
      success: [200, 'The new version and how often the due date moved', 'AgreementUpdated'],
      errors: [...BODY_ERRORS, 403, 404, 409],
    },
  },
  '/api/v1/agreements/{id}/actions': {
    get: {
      summary: 'Progress entries and due-date changes of an agreement',
      description: 'Who logged what and when, and each move of the due date with its reason. 404 for an agreement of a case the user may not see.',
      tags: ['Agreements'],
      success: [200, 'Newest first', 'AgreementHistory'],
      errors: [404],
    },
    post: {
      summary: 'Log progress, report done, or report blocked',
      description: [
        'Only the owning organisation (or a regisseur). `gereed` closes the agreement; `geblokkeerd` notifies the regisseur of the case.',
        `Send an idempotency key (the \`${IDEMPOTENCY_HEADER}\` header or the \`idempotencyKey\` field) and repeat it on every retry:`,
        'the entry is stored once, and a replay answers 200 with the entry stored the first time. A key used before for another request answers 422.',
      ].join(' '),
      tags: ['Agreements'],
      headers: [{ name: IDEMPOTENCY_HEADER, in: 'header', required: false, schema: inline(idempotencyKeyHeader) }],
      body: 'LogAgreementAction',
      success: [201, 'The new entry', 'AgreementAction'],
      errors: [...BODY_ERRORS, 403, 404],
      extraResponses: { 200: { description: 'A replay: the entry stored earlier under this idempotency key', content: json('AgreementAction') } },
    },
  },
  ...MEETING_PATHS,
  ...MINUTES_PATHS,
  ...DASHBOARD_PATHS,
  ...SIGNAL_PATHS,
  ...SUBJECT_ACCESS_PATHS,
};

function pathParameters(path: string): JsonSchema[] {
  return [...path.matchAll(/([\w-]+)\/\{(\w+)\}/g)].map(([, resource, name]) => {
    const parameter = name === 'id' ? ID_PARAMETERS[resource!] : PATH_PARAMETERS[name!];
    if (!parameter) throw new Error(`OpenAPI: path parameter {${name}} of ${path} has no description`);
    return parameter;
  });
}

function operation(path: string, method: Method, op: Operation): JsonSchema {
  const [status, description, schema] = op.success;
  const responses: Record<string, JsonSchema> = {
    [status]: { description, content: schema ? json(schema) : { 'application/json': { schema: { type: 'object' } } } },
    ...op.extraResponses,
  };
  if (!op.public) {
    const errors = new Set<ErrorStatus>([401, ...(op.errors ?? []), 500, 503]);
    for (const code of [...errors].sort((a, b) => a - b)) responses[code] = { $ref: `#/components/responses/${ERRORS[code].name}` };
  }
  const parameters = [...pathParameters(path), ...(op.headers ?? []), ...(op.query ? queryParameters(op.query) : [])];
  return {
    operationId: `${method}${path.replace(/^\/api(\/v1)?/, '').replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, c?: string) => (c ?? '').toUpperCase())}`,
    summary: op.summary,
    ...(op.description && { description: op.description }),
    tags: op.tags,
    ...(op.public && { security: op.security ?? [] }),
    ...(parameters.length && { parameters }),
    ...(op.body && { requestBody: { required: true, content: json(op.body) } }),
    responses,
  };
}

export interface OpenApiOptions {
  /** Over https the session cookie carries the __Host- prefix (see lib/auth/cookies.ts). */
  secureCookies: boolean;
  /** The app's own address (NEXTAUTH_URL); without it the server is "/", the host that serves the document. */
  baseUrl?: string;
}

const built = new Map<string, ReturnType<typeof build>>();

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

function build(secureCookies: boolean, server: string) {
  const cookieName = secureCookies ? '__Host-casusregie.session' : 'casusregie.session';
  const paths = Object.fromEntries(
    Object.entries(PATHS).map(([path, methods]) => [
      path,
      Object.fromEntries(Object.entries(methods).map(([method, op]) => [method, operation(path, method as Method, op)])),
    ]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Casusregie API',
      version: '1',
      description: SCRIPT_ACCESS,
    },
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
    paths,
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
      schemas: { ...componentSchemas(REQUEST_SCHEMAS, 'input'), ...componentSchemas(RESPONSE_SCHEMAS, 'output') },
      responses: Object.fromEntries(
        Object.entries(ERRORS).map(([status, { name, description }]) => [
          name,
          {
            description,
            content: json('Error'),
            ...(status === '503' && { headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds' } } }),
          },
        ]),
      ),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
