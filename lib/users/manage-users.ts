import { and, asc, eq, sql } from 'drizzle-orm';
import { organisations, users } from '@/db/schema';
import { asSystem, asUser } from '@/db/transaction';
import { revokeAllSessions } from '@/lib/auth/sessions';
import type { Actor } from '@/lib/auth/sessions';
import { AppError, conflict, forbidden, notFound } from '@/lib/http/errors';
import { z } from '@/lib/validation/zod';

function assertAdmin(actor: Actor) {
  if (actor.role !== 'admin') throw forbidden();
}

export async function listUsers(actor: Actor) {
  assertAdmin(actor);
  return asUser(actor.userId, (tx) =>
    tx
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        active: users.active,
        lastSignInAt: users.lastSignInAt,
        version: users.version,
        organisationName: organisations.name,
      })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .orderBy(asc(organisations.name), asc(users.name)),
  );
}

export async function listOrganisations(actor: Actor) {
  assertAdmin(actor);
  return asUser(actor.userId, (tx) =>
    tx
      .select({
        id: organisations.id,
        name: organisations.name,
        shortName: organisations.shortName,
        domain: organisations.domain,
        active: organisations.active,
        userCount: sql<number>`count(${users.id})::int`,
      })
      .from(organisations)
      .leftJoin(users, eq(users.organisationId, organisations.id))
      .groupBy(organisations.id)
      .orderBy(asc(organisations.domain), asc(organisations.name)),
  );
}

export const setUserActiveSchema = z.strictObject({
  userId: z.uuid({ message: 'Onbekende gebruiker.' }),
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
  version: z.coerce.number().int().positive(),
});
export type SetUserActiveInput = z.infer<typeof setUserActiveSchema>;

/** Deactivation ends every session of the user on their next request. */
export async function setUserActive(actor: Actor, input: SetUserActiveInput): Promise<void> {
  assertAdmin(actor);
  if (input.userId === actor.userId && !input.active) {
    throw new AppError('FORBIDDEN', 'Je kunt je eigen account niet blokkeren.');
  }
  await asUser(actor.userId, async (tx) => {
    const updated = await tx
      .update(users)
      .set({
        active: input.active,
        version: sql`${users.version} + 1`,
        // A new session version ends every token already handed out, at the user's next request.
        ...(!input.active && { sessionVersion: sql`${users.sessionVersion} + 1` }),
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, input.userId), eq(users.version, input.version)))
      .returning({ id: users.id });
    if (updated.length === 0) {
      const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
      throw exists ? conflict() : notFound();
    }
  });
  // Session rows belong to the sign-in machinery (owner only); revoking them keeps the session list honest.
  if (!input.active) await asSystem((tx) => revokeAllSessions(tx, input.userId));
}
