import { cases, organisations } from '@/db/schema';
import type { Db } from '@/db/types';

/** The ids of the seeded organisations by short name ('Politie', 'Altrecht', …). */
export async function organisationIdsByShortName(db: Db): Promise<Record<string, string>> {
  const rows = await db.select({ id: organisations.id, shortName: organisations.shortName }).from(organisations);
  return Object.fromEntries(rows.map((o) => [o.shortName, o.id]));
}

/** The ids of the seeded cases by their subject's name. */
export async function caseIdsBySubjectName(db: Db): Promise<Record<string, string>> {
  const rows = await db.select({ id: cases.id, name: cases.subjectName }).from(cases);
  return Object.fromEntries(rows.map((c) => [c.name, c.id]));
}
