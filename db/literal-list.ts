import { sql, type SQL } from 'drizzle-orm';

/** Fixed values (status names from the code, never input) as SQL literals: `'open', 'in_uitvoering'`. */
export function literalListText(values: readonly string[]): string {
  for (const value of values) if (!/^[a-z_]+$/.test(value)) throw new Error(`not a status name: ${value}`);
  return values.map((value) => `'${value}'`).join(', ');
}

/**
 * The same, written into a statement: a partial index whose predicate names the same list is then
 * provably usable, which a list of parameters does not make so in a generic plan.
 */
export function literalList(values: readonly string[]): SQL {
  return sql.raw(literalListText(values));
}
