import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from './errors';
import { RateLimitedError } from './rate-limit';
import { toErrorResponse } from './respond';

afterEach(() => vi.restoreAllMocks());

describe('error responses', () => {
  it('answer an unexpected failure with a correlation id, never the message or a stack trace', async () => {
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
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
    expect(logged.join('\n')).toContain(String(body.correlationId));
    expect(logged.join('\n')).not.toContain('Canary');
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
