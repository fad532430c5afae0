import { municipalities, organisationContacts, organisations, users } from '@/db/schema';
import type { Tx } from '@/db/types';
import type { NameContext } from './name-flags';

/**
 * What the house knows that helps spot other people's names in free text: its users and the contact
 * persons of partners (names to flag), and the names of organisations and municipalities (capitalised
 * words that are not a person). Deliberately not the names of other subjects: see name-flags.ts.
 */
export async function loadNameContext(tx: Tx, subjectNames: string[]): Promise<NameContext> {
  // One after the other: one connection (see case-entries.ts).
  const staff = await tx.select({ name: users.name }).from(users);
  const contacts = await tx.select({ name: organisationContacts.name }).from(organisationContacts);
  const orgs = await tx.select({ name: organisations.name, shortName: organisations.shortName }).from(organisations);
  const places = await tx.select({ name: municipalities.name }).from(municipalities);
  return {
    staffNames: staff.map((s) => s.name),
    contactNames: contacts.map((c) => c.name),
    subjectNames,
    knownNonNames: [...orgs.flatMap((o) => [o.name, o.shortName]), ...places.map((p) => p.name)],
  };
}
