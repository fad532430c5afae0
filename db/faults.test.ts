import { describe, expect, it } from 'vitest';
import { databaseFault } from './faults';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
/** As Drizzle hands a driver error on: "Failed query: …" with the driver's error as cause. */
const wrapped = (cause: unknown) => new Error('Failed query: select … params: Jan de Vries', { cause });

describe('databaseFault', () => {
  it('names the database being away, the pool being full and a bounded wait running out', () => {
    expect(databaseFault(wrapped(pgError('57P01', 'terminating connection due to administrator command')))).toBe('db_unavailable');
    expect(databaseFault(pgError('ECONNREFUSED'))).toBe('db_unavailable');
    expect(databaseFault(new AggregateError([pgError('ECONNREFUSED'), pgError('ECONNREFUSED')]))).toBe('db_unavailable');
    expect(databaseFault(wrapped(new Error('Connection terminated unexpectedly')))).toBe('db_unavailable');
    expect(databaseFault(new Error('timeout exceeded when trying to connect'))).toBe('pool_timeout');
    expect(databaseFault(wrapped(pgError('57014', 'canceling statement due to statement timeout')))).toBe('statement_timeout');
    expect(databaseFault(wrapped(pgError('55P03', 'canceling statement due to lock timeout')))).toBe('statement_timeout');
    expect(databaseFault(wrapped(new Error('Query read timeout')))).toBe('statement_timeout');
  });

  it('leaves every other failure alone: those stay 500s and bugs to fix', () => {
    expect(databaseFault(wrapped(pgError('23505', 'duplicate key value violates unique constraint')))).toBeUndefined();
    expect(databaseFault(wrapped(pgError('42501', 'permission denied for table cases')))).toBeUndefined();
    expect(databaseFault(new TypeError('x is undefined'))).toBeUndefined();
    expect(databaseFault('ECONNREFUSED')).toBeUndefined();
  });
});
