import { healthResponse } from '@/lib/http/health-view';
import { profileResponse } from '@/lib/profile/profile-view';
import { updateProfileSchema } from '@/lib/profile/profile';
import { BODY_ERRORS, errorBody, json, type Paths } from '../operation';

/** Health, readiness, metrics, this document and the signed-in user. */

/** Request bodies, named as components of the document. */
const BODIES = {
  ProfileUpdate: updateProfileSchema.meta({ id: 'ProfileUpdate' }),
};

export const OPERATION_PATHS: Paths = {
  '/api/health': {
    get: {
      summary: 'Liveness: the process answers',
      description: '`{ "status": "ok" }` while the process runs. Touches no database and needs no sign-in: for a load balancer or container check.',
      tags: ['Operations'],
      public: true,
      success: [200, 'The process is up', healthResponse],
    },
  },
  '/api/ready': {
    get: {
      summary: 'Readiness: the database is reachable',
      description:
        '200 while the database answers a check on a connection of its own (within 2 s); 503 while it does not or while the server shuts down, so that a load balancer stops sending traffic. The answer says what is wrong (`database.kind`) and how full the connection pool is; requests waiting for the pool (say, behind a table lock) do not make an instance unready. Needs no sign-in.',
      tags: ['Operations'],
      public: true,
      success: [200, 'Ready to serve', healthResponse],
      extraResponses: { 503: { description: 'The database is unreachable', content: json(healthResponse) } },
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
        401: { description: 'No or a wrong bearer token', content: json(errorBody) },
        404: { description: 'METRICS_TOKEN is not set', content: json(errorBody) },
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
      success: [200, 'The profile', profileResponse],
    },
    patch: {
      summary: 'Change name or language',
      description: 'Any of `name` and `locale`, plus the `version` that was read (409 when it changed since). Send `Origin`: without it the request answers 403.',
      tags: ['Profile'],
      body: BODIES.ProfileUpdate,
      success: [200, 'The changed profile', profileResponse],
      errors: [...BODY_ERRORS, 403, 409],
    },
  },
};
