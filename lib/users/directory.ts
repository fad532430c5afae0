import { and, asc, eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Executor } from '@/db/types';

/** Active regisseurs of the house, for assignment and filters (names are staff, not case data). */
export function listRegisseurs(db: Executor) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.role, 'regisseur'), eq(users.active, true)))
    .orderBy(asc(users.name));
}
