import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureLog } from '@/lib/log/testing';
import { observeRequest } from './request-log';
import { toErrorResponse } from './respond';

afterEach(() => vi.restoreAllMocks());

describe('an API request that fails unexpectedly', () => {
  it('answers and logs the request id as correlation id, with the route template and status 500, never the message', async () => {
    const logged = captureLog();
    const request = new Request('http://localhost:3000/api/v1/cases/0b6f1c1e-1111-4222-8333-444455556666?q=Canary', { headers: { 'x-request-id': 'req-7' } });
    const response = await observeRequest(request, async () => toErrorResponse(new Error('Failed query params: Canary Geheimnaam')));
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ correlationId: 'req-7' });
    expect(logged.entries.map(({ level, msg, correlationId, requestId, route, status }) => ({ level, msg: msg?.split(' ')[0], correlationId, requestId, route, status }))).toEqual([
      { level: 'error', msg: '[api]', correlationId: 'req-7', requestId: undefined, route: undefined, status: undefined },
      { level: 'info', msg: 'request', correlationId: undefined, requestId: 'req-7', route: '/api/v1/cases/[id]', status: 500 },
    ]);
    expect(logged.raw()).not.toMatch(/Canary|0b6f1c1e/);
  });
});
