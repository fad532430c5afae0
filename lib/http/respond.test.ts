import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureLog } from '@/lib/log/testing';
import { AppError } from '@/lib/errors';
import { RateLimitedError } from './rate-limit';
import { toErrorResponse } from './respond';

afterEach(() => vi.restoreAllMocks());

describe('error responses', () => {
  it('answer an unexpected failure with a correlation id, never the message or a stack trace', async () => {
    const logged = captureLog('error');
    const failure = new Error('Failed query: select * from cases where subject_name = $1 params: Canary Geheimnaam');
    const response = toErrorResponse(failure);
    expect(response.status).toBe(500);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['correlationId', 'error']);
    expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    const text = JSON.stringify(body);
    expect(text).not.toContain('Canary');
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
    // The log line carries the same id, so support can find it, and no personal data.
    expect(logged.entries).toHaveLength(1);
    expect(logged.entries[0]).toMatchObject({ level: 'error', where: 'api', correlationId: body.correlationId, error: 'Error' });
    expect(logged.raw()).not.toContain('Canary');
  });

  it('answer an expected failure with its Dutch message, and 429 with Retry-After', async () => {
    const notFound = toErrorResponse(new AppError('NOT_FOUND', 'Niet gevonden.'));
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ error: 'Niet gevonden.' });
    const limited = toErrorResponse(new RateLimitedError('Te veel zoekopdrachten.', 42));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('42');
  });
});
