import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureLog } from '@/lib/log/testing';
import { throttledErrorLog } from './error-log';

afterEach(() => vi.restoreAllMocks());

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('the job engine’s error log', () => {
  it('logs the first failed poll at once and then one line per 30 s with the count left out, not one per poll', () => {
    const logged = captureLog('error');
    let clock = 0;
    const onError = throttledErrorLog(30_000, () => clock);
    for (; clock < 60_000; clock += 500) onError(refused());
    const lines = logged.entries.filter((e) => e.job === 'engine');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ errorCode: 'ECONNREFUSED', kind: 'db_unavailable' });
    expect(lines[1]).toMatchObject({ errorCode: 'ECONNREFUSED', suppressed: 59 });
    // Another kind of failure is not held back behind it.
    onError(new TypeError('bug'));
    expect(logged.entries.filter((e) => e.job === 'engine')).toHaveLength(3);
    // Never the message: it can hold a query's parameters.
    expect(logged.raw()).not.toContain('127.0.0.1');
  });
});
