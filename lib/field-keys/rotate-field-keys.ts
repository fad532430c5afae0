import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import type { Db } from '@/db/types';
import { decryptField, encryptField } from '@/lib/crypto/field';
import { keyring } from '@/lib/crypto/keys';
import { nameTokens } from '@/lib/crypto/search-tokens';
import { writeKeyCheck } from './key-check';

const BATCH = 500;

export interface RotateResult {
  cases: number;
  secrets: number;
  current: string;
}

/**
 * Re-encrypts every protected value that is not under the current key (or not encrypted at all, from
 * before field encryption) and rebuilds its name tokens. Batches of 500 rows, each in its own transaction,
 * so a long run holds no long locks and an interrupted run simply continues where it stopped: rows
 * already under the current key are skipped. Runs as the owner.
 */
export async function rotateFieldKeys(db: Db, options: { reindex?: boolean } = {}): Promise<RotateResult> {
  const { current } = keyring();
  const marker = `enc:v1:${current}:%`;
  let casesDone = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await queryRows<{ id: string; subject_name: string; subject_birth_date: string; subject_address: string | null }>(
      db,
      sql`select id, subject_name, subject_birth_date, subject_address from cases
          where id > ${after}::uuid ${options.reindex ? sql`` : sql`and (subject_name not like ${marker} or subject_birth_date not like ${marker}
            or (subject_address is not null and subject_address not like ${marker}))`}
          order by id limit ${BATCH}`,
    );
    if (rows.length === 0) break;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        const name = decryptField(row.subject_name, 'subject_name');
        const address = row.subject_address === null ? null : decryptField(row.subject_address, 'subject_address');
        await tx.execute(sql`update cases set
            subject_name = ${encryptField(name, 'subject_name')},
            subject_name_tokens = ${`{${nameTokens(name).join(',')}}`}::text[],
            subject_birth_date = ${encryptField(decryptField(row.subject_birth_date, 'subject_birth_date'), 'subject_birth_date')},
            subject_address = ${address === null ? null : encryptField(address, 'subject_address')}
          where id = ${row.id}`);
      }
    });
    casesDone += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  let secrets = 0;
  const totp = await queryRows<{ user_id: string; secret: string }>(db, sql`select user_id, secret from user_totp where secret not like ${marker}`);
  await db.transaction(async (tx) => {
    for (const row of totp) {
      await tx.execute(sql`update user_totp set secret = ${encryptField(decryptField(row.secret, 'secret'), 'secret')} where user_id = ${row.user_id}`);
      secrets += 1;
    }
  });
  const clientSecrets = await queryRows<{ organisation_id: string; client_secret: string }>(
    db,
    sql`select organisation_id, client_secret from organisation_idps where client_secret not like ${marker}`,
  );
  await db.transaction(async (tx) => {
    for (const row of clientSecrets) {
      const plain = decryptField(row.client_secret, 'client_secret');
      await tx.execute(sql`update organisation_idps set client_secret = ${encryptField(plain, 'client_secret')} where organisation_id = ${row.organisation_id}`);
      secrets += 1;
    }
  });
  // Last, once every value is under the current key: from now on only that key is needed to start.
  await writeKeyCheck(db);
  return { cases: casesDone, secrets, current };
}
