import { and, eq, sql } from 'drizzle-orm';
import { organisations, users } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Actor } from '@/lib/actor';
import { conflict, notFound, msg } from '@/lib/errors';
import { z } from '@/lib/validation/zod';
import type { Profile } from './profile-view';

export const updateProfileSchema = z.strictObject({
  name: z.string().trim().min(2, msg('profile.fillInNameMin2')).max(120, msg('profile.max120')).optional(),
  locale: z.enum(['nl', 'en'], { message: msg('profile.chooseLanguage') }).optional(),
  version: z.number({ message: msg('common.versionMissing') }).int().positive(),
});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

export async function getProfile(actor: Actor): Promise<Profile> {
  return asUser(actor.userId, async (tx) => {
    const [row] = await tx
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        locale: users.locale,
        version: users.version,
        organisation: { id: organisations.id, name: organisations.name, domain: organisations.domain },
      })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(eq(users.id, actor.userId));
    if (!row) throw notFound();
    return row;
  });
}

export async function updateProfile(actor: Actor, input: UpdateProfileInput) {
  const { version, ...changes } = input;
  await asUser(actor.userId, async (tx) => {
    const updated = await tx
      .update(users)
      .set({ ...changes, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, actor.userId), eq(users.version, version)))
      .returning({ id: users.id });
    if (updated.length === 0) throw conflict();
  });
  return getProfile(actor);
}
