import { count } from 'drizzle-orm';
import { organisations, settings, users, userTotp } from '@/db/schema';
import type { Db } from '@/db/types';
import { hashPassword } from '@/lib/auth/password';
import { seedDemoCases } from './seed-demo-cases';
import { seedDemoMeetings } from './seed-demo-meetings';
import { DEMO_HOUSE, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_TOTP_SECRETS, DEMO_USERS } from './demo-data';

/**
 * Demo data only where nobody can mistake it for real: the embedded database (mode 'auto'), or a server
 * when asked for explicitly; and only into an empty database.
 */
export async function shouldSeedDemo(db: Db, mode: 'auto' | 'on' | 'off', embedded: boolean): Promise<boolean> {
  if (mode === 'off' || (mode === 'auto' && !embedded)) return false;
  const [row] = await db.select({ n: count() }).from(organisations);
  return (row?.n ?? 0) === 0;
}

export async function seedDemo(db: Db, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await tx.insert(settings).values({ key: 'house', value: DEMO_HOUSE }).onConflictDoNothing();
    const inserted = await tx
      .insert(organisations)
      .values(DEMO_ORGANISATIONS.map(({ name, shortName, domain }) => ({ name, shortName, domain })))
      .returning({ id: organisations.id, name: organisations.name });
    const idByKey = new Map(
      DEMO_ORGANISATIONS.map((o) => [o.key, inserted.find((row) => row.name === o.name)!.id]),
    );
    const people = await tx
      .insert(users)
      .values(
        DEMO_USERS.map((u) => ({
          email: u.email,
          name: u.name,
          role: u.role,
          organisationId: idByKey.get(u.organisation)!,
          passwordHash,
        })),
      )
      .returning({ id: users.id, email: users.email });
    // Demo accounts have their second factor set up already (fixed secrets, see the README).
    await tx
      .insert(userTotp)
      .values(people.map((p) => ({ userId: p.id, secret: DEMO_TOTP_SECRETS[p.email]!, confirmedAt: now })));
    const userIds = new Map(people.map((p) => [p.email, p.id]));
    await seedDemoCases(tx, userIds, idByKey, now);
    await seedDemoMeetings(tx, userIds, idByKey, now);
  });
}
