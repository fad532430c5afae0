import { createHmac, timingSafeEqual } from 'node:crypto';
import { keyring } from '@/lib/crypto/keys';
import { AppError, msg } from '@/lib/errors';

/** How many rows a list page holds when it is read by cursor ("Meer laden"). */
export const PAGE_SIZE = 50;

const MAX_CURSOR = 1000;

function mac(list: string, payload: string): Buffer {
  // The search key is already secret and stable across restarts; the list name keeps one list's cursor out of another.
  return createHmac('sha256', keyring().searchKey).update(`cursor\0${list}\0${payload}`).digest().subarray(0, 16);
}

/** The 422 of a cursor that no page gave out (also for a well-signed one that does not fit the list's filters). */
export const badCursor = () => new AppError('VALIDATION', msg('pagination.badCursor'), { cursor: [msg('pagination.badCursor')] });

/**
 * The position after the last row of a page, as an opaque string for a URL: the order's key values of
 * that row, signed, so a changed cursor is refused (422) instead of read as a position no page gave out.
 */
export function encodeCursor(list: string, values: readonly string[]): string {
  const payload = Buffer.from(JSON.stringify(values)).toString('base64url');
  return `${payload}.${mac(list, payload).toString('base64url')}`;
}

/** The key values of a cursor of `list`, `arity` strings; anything else (changed, cut, another list's) is a 422. */
export function decodeCursor(list: string, cursor: string, arity: number): string[] {
  if (cursor.length > MAX_CURSOR) throw badCursor();
  const [payload, signature, extra] = cursor.split('.');
  if (!payload || !signature || extra !== undefined) throw badCursor();
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(list, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw badCursor();
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(values) || values.length !== arity || !values.every((v) => typeof v === 'string')) throw badCursor();
  return values as string[];
}
