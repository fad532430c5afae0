import 'server-only';
import { asUser } from '@/db/transaction';
import type { Actor } from '@/lib/actor';
import { adminQueue } from './admin-queue';
import { queueClock } from './clock';
import { managerQueue } from './manager-queue';
import { professionalQueue } from './professional-queue';
import type { HomeQueue } from './queue-views';
import { regisseurQueue } from './regisseur-queue';

export type { HomeQueue };

/**
 * The signed-in user's work queue for the home page, read in one transaction as the user (row-level
 * security applies to every query in it) and measured against one `now` on the Amsterdam calendar.
 */
export async function loadHomeQueue(actor: Actor, now = new Date()): Promise<HomeQueue> {
  const clock = queueClock(now);
  return asUser<HomeQueue>(actor.userId, (tx) => {
    switch (actor.role) {
      case 'regisseur':
        return regisseurQueue(tx, actor, clock);
      case 'professional':
        return professionalQueue(tx, actor, clock);
      case 'manager':
        return managerQueue(tx, actor, clock);
      case 'admin':
        return adminQueue(tx, actor, clock);
      case 'partnerbeheer':
        // Its home is its organisation's user administration (app/(app)/page.tsx sends it there).
        throw new Error('A partnerbeheerder has no work queue.');
    }
  });
}
