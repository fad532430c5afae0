import { and, count, desc, eq, gte } from 'drizzle-orm';
import { notifications, signals } from '@/db/schema';
import type { Tx } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { readDashboard } from '@/lib/dashboard/figures';
import { levelNumber, STUURGROEP_MIN_LEVEL } from '@/lib/signals/levels';
import type { QueueClock } from './clock';
import type { ManagerQueue } from './queue-views';

/** Escalations shown: the latest few; the notification centre and the signal list hold the rest. */
export const ESCALATIONS_SHOWN = 10;

/**
 * The manager's week: the dashboard's figures from Monday up to today (pseudonymised, small counts
 * suppressed, as on the dashboard) and the escalations that reached her. Nothing here names a case
 * beyond its number, and nothing reads the cases table (row-level security would refuse it anyway).
 */
export async function managerQueue(tx: Tx, actor: Actor, clock: QueueClock): Promise<ManagerQueue> {
  const dashboard = await readDashboard(tx, { from: clock.weekStart, to: clock.today, today: clock.today }, { smallCells: 'suppressed' });
  const { figures } = dashboard;
  const [atManager] = await tx
    .select({ n: count() })
    .from(signals)
    .where(and(eq(signals.status, 'open'), gte(signals.level, levelNumber(STUURGROEP_MIN_LEVEL))));
  const escalations = await tx
    .select({
      notificationId: notifications.id,
      title: notifications.title,
      caseNumber: notifications.caseNumber,
      at: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), eq(notifications.kind, 'escalation')))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(ESCALATIONS_SHOWN);
  return {
    role: 'manager',
    week: { from: clock.weekStart, to: clock.today },
    figures: {
      newReferrals: figures.newReferrals,
      activeCases: figures.activeCases,
      openAgreements: figures.openAgreements,
      overdueAgreements: figures.overdueAgreements,
      triagedCases: figures.triagedCases,
      closedCases: figures.closedCases,
    },
    signalsAtManager: atManager?.n ?? 0,
    escalations: escalations.map(({ readAt, ...e }) => ({ ...e, unread: readAt === null })),
  };
}
