import { eq } from 'drizzle-orm';
import { homeVisits } from '@/db/schema';
import type { Tx } from '@/db/types';
import type { Actor } from '@/lib/actor';

/**
 * Records that the actor sees the home page now and returns the marker of "since your last visit": when
 * the home page was last seen in an earlier session. Within one session the marker stays put, so reloading
 * the page (or coming back to it after an action) does not empty the list she is working through.
 */
export async function recordHomeVisit(tx: Tx, actor: Actor, now: Date): Promise<Date | null> {
  const [row] = await tx
    .select({ sessionId: homeVisits.sessionId, seenAt: homeVisits.seenAt, previousSeenAt: homeVisits.previousSeenAt })
    .from(homeVisits)
    .where(eq(homeVisits.userId, actor.userId));
  const marker = !row ? null : row.sessionId === actor.sessionId ? row.previousSeenAt : row.seenAt;
  const visit = { sessionId: actor.sessionId, seenAt: now, previousSeenAt: marker };
  await tx
    .insert(homeVisits)
    .values({ userId: actor.userId, ...visit })
    .onConflictDoUpdate({ target: homeVisits.userId, set: visit });
  return marker;
}
