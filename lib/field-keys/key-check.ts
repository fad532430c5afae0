import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import type { Executor } from '@/db/types';
import { decryptField, encryptField, keyIdOf } from '@/lib/crypto/field';
import { keyring, type Keyring } from '@/lib/crypto/keys';

/*
 * The key check (drizzle/0025): one known text encrypted with the field keys, kept in the database. At
 * start it must decrypt; keys:rotate re-encrypts it last, so it names the oldest key the data still needs.
 */
const COLUMN = 'field_key_check';
const PLAIN = 'casusregie-sleutelcontrole';

function decryptProblem(stored: string, column: string, ring: Keyring): string | undefined {
  const id = keyIdOf(stored);
  if (id && !ring.keys.has(id)) {
    return (
      `De veldsleutels kunnen deze database niet lezen: sleutel "${id}" ontbreekt in FIELD_KEYS ` +
      '(bij de ingebouwde database: in field-keys.json naast de data). Zet FIELD_KEYS terug zoals bij deze database hoort ' +
      '(na een herstel: dezelfde als bij de back-up); een nieuwe sleutel komt vooraan, de oude blijven erachter tot npm run keys:rotate klaar is.'
    );
  }
  try {
    decryptField(stored, column, ring);
    return undefined;
  } catch {
    return (
      `De veldsleutels kunnen deze database niet lezen: sleutel "${id}" in FIELD_KEYS is een andere dan waarmee de database is ` +
      'versleuteld. Zet de juiste sleutel terug (na een herstel: dezelfde FIELD_KEYS als bij de back-up).'
    );
  }
}

/** One encrypted value per key id the existing data uses: what a database without a key check yet is tested on. */
async function samples(db: Executor): Promise<[string, string][]> {
  const rows = await queryRows<{ value: string; col: string }>(
    db,
    sql`(select distinct on (split_part(subject_name, ':', 3)) subject_name as value, 'subject_name' as col
           from cases where subject_name like 'enc:v1:%')
        union all
        (select distinct on (split_part(secret, ':', 3)) secret as value, 'secret' as col
           from user_totp where secret like 'enc:v1:%')`,
  );
  return rows.map((r) => [r.value, r.col]);
}

/**
 * Undefined when `ring` reads this database, else a Dutch message naming the key id it lacks. The first
 * time (a new database, or one from before the check) the existing data is tried instead, and the check
 * value is written under the current key.
 */
export async function fieldKeyProblem(db: Executor, ring: Keyring = keyring()): Promise<string | undefined> {
  const [stored] = await queryRows<{ value: string }>(db, sql`select value from field_key_check`);
  if (stored) return decryptProblem(stored.value, COLUMN, ring);
  for (const [value, column] of await samples(db)) {
    const problem = decryptProblem(value, column, ring);
    if (problem) return problem;
  }
  await writeKeyCheck(db, ring, { onlyIfMissing: true });
  return undefined;
}

/** (Re)writes the check value under the current key: at first start, and by keys:rotate once all data is under it. */
export async function writeKeyCheck(db: Executor, ring: Keyring = keyring(), options: { onlyIfMissing?: boolean } = {}): Promise<void> {
  const value = encryptField(PLAIN, COLUMN, ring);
  await db.execute(sql`insert into field_key_check (key_id, value) values (${ring.current}, ${value})
    on conflict (id) do ${options.onlyIfMissing ? sql`nothing` : sql`update set key_id = excluded.key_id, value = excluded.value, written_at = now()`}`);
}
