import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { InviteUserForm } from '@/components/admin/invite-user-form';
import { UsersTable } from '@/components/admin/users-table';
import { cell, DataTable } from '@/components/data-table';
import { PageTitle } from '@/components/page-title';
import { caseStatus } from '@/db/enums';
import { requirePage } from '@/lib/access/pages';
import { convenedCaseCounts, listOwnUsers, pendingOwnInvitations } from '@/lib/users/partner-admin';
import { inviteColleagueAction, setOwnUserActiveAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partnerAdmin'))('title') };
}

const card = 'rounded-lg border border-line bg-white p-5';

/** A partner organisation's own user administration: its accounts, invitations, and its convened cases by number. */
export default async function PartnerAdminPage() {
  const actor = await requirePage('section.partnerAdmin');
  const [users, pending, counts, t, tAdmin, tStatus, format] = await Promise.all([
    listOwnUsers(actor),
    pendingOwnInvitations(actor),
    convenedCaseCounts(actor),
    getTranslations('partnerAdmin'),
    getTranslations('admin'),
    getTranslations('cases.statuses'),
    getFormatter(),
  ]);
  const organisation = actor.organisationName;
  const moment = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  return (
    <>
      <PageTitle description={t('intro', { organisation })}>{t('title')}</PageTitle>

      <section aria-labelledby="cases-title" className={`${card} mb-8`} data-testid="convened-cases">
        <h2 id="cases-title" className="text-lg font-semibold">
          {t('casesTitle', { organisation })}
        </h2>
        <p className="mb-3 max-w-prose text-sm text-muted">{t('casesIntro')}</p>
        <p className="font-medium">{t('casesTotal', { count: total })}</p>
        {total > 0 ? (
          <dl className="mt-3 flex flex-wrap gap-3">
            {caseStatus.enumValues
              .filter((s) => counts[s])
              .map((s) => (
                <div key={s} className="rounded border border-line px-3 py-2">
                  <dt className="text-xs text-muted">{tStatus(s)}</dt>
                  <dd className="text-lg font-semibold tabular-nums">{counts[s]}</dd>
                </div>
              ))}
          </dl>
        ) : null}
      </section>

      <section aria-labelledby="invite-title" className={`${card} mb-8`}>
        <h2 id="invite-title" className="text-lg font-semibold">
          {t('inviteTitle')}
        </h2>
        <p className="mb-4 max-w-prose text-sm text-muted">{t('inviteIntro')}</p>
        {/* Name and address only: lib/ invites a professional of the partnerbeheerder's own organisation. */}
        <InviteUserForm action={inviteColleagueAction} />
      </section>

      <section aria-labelledby="pending-title" className="mb-10">
        <h2 id="pending-title" className="mb-3 text-lg font-semibold">
          {t('pendingTitle')}
        </h2>
        {pending.length === 0 ? (
          <p className="rounded-lg border border-dashed border-line bg-white px-6 py-6 text-center text-sm text-muted">{t('pendingNone')}</p>
        ) : (
          <DataTable columns={[{ label: tAdmin('name') }, { label: t('requestedAt') }]} testId="pending-invitations">
            {pending.map((p) => (
              <tr key={p.grantId} data-testid={`pending-${p.email}`}>
                <td className={`${cell} min-w-56`}>
                  <span className="block font-medium">{p.name}</span>
                  <span className="block text-muted">{p.email}</span>
                </td>
                <td className={cell}>{moment(p.requestedAt)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="users-title">
        <h2 id="users-title" className="mb-3 text-lg font-semibold">
          {t('usersTitle', { organisation })}
        </h2>
        <UsersTable users={users} actorId={actor.userId} pageOf={(id) => `/partnerbeheer/users/${id}`} setActive={setOwnUserActiveAction} showOrganisation={false} testId="own-users" />
      </section>
    </>
  );
}
