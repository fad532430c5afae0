import { customType } from 'drizzle-orm/pg-core';
import { decryptField, encryptField } from '@/lib/crypto/field';

/**
 * A text column that holds AES-256-GCM ciphertext (lib/crypto/field.ts): Drizzle encrypts on write and
 * decrypts on read, so code that selects the column sees plain text and the database never does. The
 * column name is the additional data of the cipher. Such a column cannot be compared or sorted in SQL;
 * search goes through keyed tokens instead.
 */
export function encryptedText(column: string) {
  return customType<{ data: string; driverData: string }>({
    dataType: () => 'text',
    toDriver: (value) => encryptField(value, column),
    fromDriver: (value) => decryptField(value, column),
  })(column);
}
