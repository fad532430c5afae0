import { describe, expect, it } from 'vitest';
import { describeError } from './log-safe';

describe('describeError', () => {
  it('keeps the kind and the database code, and drops the query and its parameters', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    const error = new Error("Failed query: insert into cases ... params: Canary Geheimnaam,1990-01-01", { cause });
    const line = describeError(error);
    expect(line).toBe('Error cause=Error code=23505');
    expect(line).not.toContain('Canary');
  });
});
