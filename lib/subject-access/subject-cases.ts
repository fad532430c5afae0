import { and, arrayContains, eq, isNull, or } from 'drizzle-orm';
import { cases } from '@/db/schema';
import type { Tx } from '@/db/types';
import { queryTokens } from '@/lib/crypto/search-tokens';

export interface SubjectIdentity {
  name: string;
  birthDate: string;
}

/** Case and spacing do not make another person; anything else (a letter, a diacritic, a date) does. */
export function sameSubject(a: SubjectIdentity, b: SubjectIdentity): boolean {
  const name = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
  return a.birthDate === b.birthDate && name(a.name) === name(b.name);
}

/**
 * The ids of every case of the house about the subject of `caseId`: the same name and date of birth.
 * Names are encrypted, so the database narrows by the keyed search tokens of every word of the name
 * (as the case list search does) and the comparison happens here, after decryption, on those few rows.
 * A case whose personal data retention removed takes part in nothing: there is no name left to match.
 */
export async function subjectCaseIds(tx: Tx, caseId: string): Promise<{ identity: SubjectIdentity; caseIds: string[] }> {
  const [start] = await tx
    .select({ name: cases.subjectName, birthDate: cases.subjectBirthDate, removed: cases.personalDataRemovedAt })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!start) throw new Error(`case ${caseId} vanished inside its transaction`);
  const identity = { name: start.name, birthDate: start.birthDate };
  const tokens = queryTokens(start.name);
  if (start.removed || tokens.length === 0) return { identity, caseIds: [caseId] };
  const candidates = await tx
    .select({ id: cases.id, name: cases.subjectName, birthDate: cases.subjectBirthDate })
    .from(cases)
    .where(or(eq(cases.id, caseId), and(arrayContains(cases.subjectNameTokens, tokens), isNull(cases.personalDataRemovedAt))));
  const ids = candidates.filter((c) => c.id === caseId || sameSubject(identity, c)).map((c) => c.id);
  return { identity, caseIds: ids };
}
