import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AdminTabs } from '@/components/admin-tabs';
import { PageTitle } from '@/components/page-title';
import { requirePage } from '@/lib/access/pages';
import { mailTransport } from '@/lib/notify/mail-config';
import { listMailbox, type MailboxItem } from '@/lib/notify/mailbox';
import { hideInvitationLinks } from '@/lib/users/invitation-token';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signalSettings'))('mailbox.title') };
}

const TONE: Record<MailboxItem['status'], string> = {
  pending: 'bg-amber-50 text-amber-900 ring-amber-300',
  sent: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
  failed: 'bg-danger-50 text-danger ring-red-300',
};

/** The dev mailbox: what the app mailed or will mail, newest first (without SMTP, mail stays here). */
export default async function MailboxPage() {
  const actor = await requirePage('admin.mailbox');
  const [{ items, total }, t, tAdmin, format] = await Promise.all([
    listMailbox(actor),
    getTranslations('signalSettings'),
    getTranslations('admin'),
    getFormatter(),
  ]);
  const smtp = Boolean(mailTransport().transport);
  const moment = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <PageTitle>{tAdmin('title')}</PageTitle>
      <AdminTabs current="mailbox" />
      <div className="mb-4">
        <h2 className="text-lg font-semibold">{t('mailbox.title')}</h2>
        <p className="max-w-prose text-sm text-muted">{smtp ? t('mailbox.introSmtp') : t('mailbox.introNoSmtp')}</p>
        <p className="mt-1 text-sm text-muted" data-testid="mail-count">
          {t('mailbox.count', { count: total })}
          {items.length < total ? ` ${t('mailbox.countShown', { shown: items.length })}` : null}
        </p>
      </div>
      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-line bg-white px-6 py-12 text-center">
          <h3 className="text-base font-semibold text-ink">{t('mailbox.emptyTitle')}</h3>
          <p className="mx-auto mt-2 max-w-prose text-sm text-muted">{t('mailbox.empty')}</p>
        </div>
      ) : (
        <ul className="space-y-4" aria-label={t('mailbox.title')}>
          {items.map((mail) => (
            <li key={mail.id} className="rounded-lg border border-line bg-white" data-testid="mail">
              <div className="flex flex-wrap items-start justify-between gap-3 border-b border-line px-4 py-3">
                <div className="min-w-0">
                  <h3 className="font-semibold text-ink" data-testid="mail-subject">
                    {mail.subject}
                  </h3>
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                    <dt className="text-muted">{t('mailbox.to')}</dt>
                    <dd data-testid="mail-to">{mail.to}</dd>
                    <dt className="text-muted">{t('mailbox.created')}</dt>
                    <dd>{moment(mail.createdAt)}</dd>
                    {mail.sentAt ? (
                      <>
                        <dt className="text-muted">{t('mailbox.sentAt')}</dt>
                        <dd>{moment(mail.sentAt)}</dd>
                      </>
                    ) : (
                      <>
                        <dt className="text-muted">{t('mailbox.nextAttempt')}</dt>
                        <dd>{moment(mail.nextAttemptAt)}</dd>
                      </>
                    )}
                  </dl>
                </div>
                <div className="text-right text-sm">
                  <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${TONE[mail.status]}`} data-testid="mail-status">
                    {t(`mailbox.statuses.${mail.status}`)}
                  </span>
                  <span className="mt-1 block text-muted">{t('mailbox.attempts', { count: mail.attempts })}</span>
                  {mail.lastError ? <span className="block text-xs text-danger">{t('mailbox.lastError', { code: mail.lastError })}</span> : null}
                </div>
              </div>
              {/* An invitation link is for the invitee alone: the inviting admin must not accept it here. */}
              <pre className="whitespace-pre-wrap break-words px-4 py-3 font-sans text-sm text-ink">{hideInvitationLinks(mail.body)}</pre>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
