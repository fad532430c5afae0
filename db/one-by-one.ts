type Result<Q> = Q extends () => infer R ? Awaited<R> : Awaited<Q>;

/**
 * Awaits queries one after the other where Promise.all would overlap them: a transaction is a single
 * connection, and node-postgres deprecates (version 9 refuses) a query sent while another is running.
 * Drizzle query builders only run when awaited, so they can be passed as they are; a query that starts
 * when called (queryRows) is passed as a function.
 */
export async function oneByOne<T extends readonly unknown[] | []>(queries: T): Promise<{ -readonly [K in keyof T]: Result<T[K]> }> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await (typeof query === 'function' ? (query as () => unknown)() : query));
  return results as { -readonly [K in keyof T]: Result<T[K]> };
}
