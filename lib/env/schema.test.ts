import { describe, expect, it } from 'vitest';
import { parseEnv } from './schema';

describe('parseEnv', () => {
  it('defaults to the embedded database without any variable', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe('.data/pglite');
    expect(env.DEMO_DATA).toBe('auto');
  });

  it('names a malformed DATABASE_URL', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: moet een PostgreSQL-URL zijn/);
  });

  it('requires AUTH_SECRET next to DATABASE_URL and says so', () => {
    expect(() => parseEnv({ DATABASE_URL: 'postgres://u:p@localhost/db' })).toThrow(/AUTH_SECRET: is verplicht/);
  });

  it('rejects a short secret and a bad pool size in one message', () => {
    let message = '';
    try {
      parseEnv({ AUTH_SECRET: 'kort', DATABASE_POOL_SIZE: 'veel' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('AUTH_SECRET: moet minstens 32 tekens lang zijn');
    expect(message).toContain('DATABASE_POOL_SIZE');
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('bounds database waits at 5 s unless configured, and names a malformed bound', () => {
    expect(parseEnv({}).DATABASE_STATEMENT_TIMEOUT_MS).toBe(5000);
    expect(parseEnv({ DATABASE_STATEMENT_TIMEOUT_MS: '2500' }).DATABASE_STATEMENT_TIMEOUT_MS).toBe(2500);
    expect(() => parseEnv({ DATABASE_STATEMENT_TIMEOUT_MS: '5s' })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS: moet een aantal milliseconden zijn/);
    expect(() => parseEnv({ DATABASE_STATEMENT_TIMEOUT_MS: '0' })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS: moet minstens 100 ms zijn/);
    expect(parseEnv({ DATABASE_JOB_STATEMENT_TIMEOUT_MS: '0' }).DATABASE_JOB_STATEMENT_TIMEOUT_MS).toBe(0);
  });

  it('takes a metrics token of 24 characters or more, and none by default', () => {
    expect(parseEnv({}).METRICS_TOKEN).toBeUndefined();
    expect(parseEnv({ METRICS_TOKEN: 'a'.repeat(24) }).METRICS_TOKEN).toBe('a'.repeat(24));
    expect(() => parseEnv({ METRICS_TOKEN: 'kort' })).toThrow(/METRICS_TOKEN: moet minstens 24 tekens lang zijn/);
  });

  it('takes other cron expressions for the scheduled jobs, and names a malformed one', () => {
    expect(parseEnv({}).JOBS_CRON_SWEEP).toBeUndefined();
    expect(parseEnv({ JOBS_CRON_SWEEP: '* * * * *' }).JOBS_CRON_SWEEP).toBe('* * * * *');
    expect(() => parseEnv({ JOBS_CRON_MAIL: 'elke minuut' })).toThrow(/JOBS_CRON_MAIL: moet een cron-expressie zijn/);
  });
});
