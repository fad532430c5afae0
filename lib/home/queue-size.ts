import type { HomeQueue } from './queue-views';

/** How many things wait in a queue: zero means the page can say there is nothing to do today. */
export function queueSize(queue: HomeQueue): number {
  switch (queue.role) {
    case 'regisseur':
      return (
        queue.referrals.length +
        queue.meetingsToday.length +
        queue.meetingsComing.length +
        queue.signalsByLevel.length +
        queue.blocked.length +
        queue.withoutMeeting.length
      );
    case 'professional':
      return queue.overdue.length + queue.dueThisWeek.length + queue.statusRequests.length + queue.newlyConvened.length;
    case 'manager':
      return queue.escalations.length + queue.signalsAtManager;
    case 'admin':
      return queue.grantsToDecide.length + queue.invitationsOpen + queue.invitationsExpired + queue.blockedAccounts.length + queue.mailFailures;
  }
}
