import { getTranslations } from 'next-intl/server';
import type { AdminQueue } from '@/lib/home/queue-views';
import { QueueItem, QueueSection } from './queue-section';

export async function AdminQueueView({ queue }: { queue: AdminQueue }) {
  const [t, tRoles] = await Promise.all([getTranslations('home.queue.admin'), getTranslations('roles')]);
  const invitations = (queue.invitationsOpen > 0 ? 1 : 0) + (queue.invitationsExpired > 0 ? 1 : 0);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <QueueSection id="grants" title={t('grantsTitle')} count={queue.grantsToDecide.length} empty={t('grantsEmpty')} allHref="/approvals">
        {queue.grantsToDecide.map((g) => (
          <QueueItem key={g.grantId} testId="item-grant" href="/approvals" label={t('grantLine', { name: g.name, role: tRoles(g.role) })} />
        ))}
      </QueueSection>
      <QueueSection id="invitations" title={t('invitationsTitle')} count={invitations} empty={t('invitationsEmpty')}>
        {queue.invitationsOpen > 0 ? <QueueItem href="/admin#invitations-title" label={t('invitationsOpen', { count: queue.invitationsOpen })} /> : null}
        {queue.invitationsExpired > 0 ? <QueueItem href="/admin#invitations-title" label={t('invitationsExpired', { count: queue.invitationsExpired })} /> : null}
      </QueueSection>
      <QueueSection id="blocked-accounts" title={t('blockedTitle')} count={queue.blockedAccounts.length} empty={t('blockedEmpty')} allHref="/admin#users-title">
        {queue.blockedAccounts.map((u) => (
          <QueueItem key={u.userId} testId="item-blocked-account" href={`/admin/users/${u.userId}`} label={u.name} />
        ))}
      </QueueSection>
      <QueueSection id="mail" title={t('mailTitle')} count={queue.mailFailures > 0 ? 1 : 0} empty={t('mailEmpty')}>
        <QueueItem href="/admin/mailbox" label={t('mailFailures', { count: queue.mailFailures })} />
      </QueueSection>
    </div>
  );
}
