import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AdminActionButton } from '@/components/admin/admin-action-button';
import { InviteUserForm } from '@/components/admin/invite-user-form';
import { AdminTabs } from '@/components/admin-tabs';
import { PageTitle } from '@/components/page-title';
import { UserActiveToggle } from '@/components/user-active-toggle';
import { userRole } from '@/db/schema';
import { organisationChoices } from '@/lib/admin/organisations';
import { requireActor } from '@/lib/auth/actor';
import { listInvitations } from '@/lib/users/invitations';
import { listUsers } from '@/lib/users/manage-users';
import { revokeInvitationAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('title') };
}

const th = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-muted';
const td = 'px-3 py-2 align-middle';
const card = 'rounded-lg border border-line bg-white p-5';

/** Functioneel beheer of accounts: invite, the open invitations, and every user of the house. */
export default async function AdminPage() {
  const actor = await requireActor(['admin']);
  const [users, invitations, organisations, t, tRoles, format] = await Promise.all([
    listUsers(actor),
    listInvitations(actor),
    organisationChoices(actor),
    getTranslations('admin'),
    getTranslations('roles'),
    getFormatter(),
  ]);
  const moment = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <AdminTabs current="overview" />
      <section aria-labelledby="invite-title" className={`${card} mb-8`}>
        <h2 id="invite-title" className="text-lg font-semibold">
          {t('invite.title')}
        </h2>
        <p className="mb-4 max-w-prose text-sm text-muted">{t('invite.intro')}</p>
        <InviteUserForm
          roles={userRole.enumValues.map((r) => ({ value: r, label: tRoles(r) }))}
          organisations={organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
      </section>

      <section aria-labelledby="invitations-title" className="mb-10">
        <h2 id="invitations-title" className="mb-3 text-lg font-semibold">
          {t('invitations.title')}
        </h2>
        {invitations.length === 0 ? (
          <p className="rounded-lg border border-dashed border-line bg-white px-6 py-6 text-center text-sm text-muted">{t('invitations.none')}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-line bg-white">
            <table className="min-w-full divide-y divide-line text-sm" data-testid="invitations">
              <thead className="bg-canvas">
                <tr>
                  <th scope="col" className={th}>{t('name')}</th>
                  <th scope="col" className={th}>{t('organisation')}</th>
                  <th scope="col" className={th}>{t('role')}</th>
                  <th scope="col" className={th}>{t('invitations.invitedBy')}</th>
                  <th scope="col" className={th}>{t('invitations.expires')}</th>
                  <th scope="col" className={th}><span className="sr-only">{t('invitations.actions')}</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {invitations.map((inv) => (
                  <tr key={inv.id} data-testid={`invitation-${inv.email}`}>
                    <td className={td}>
                      <span className="block font-medium">{inv.name}</span>
                      <span className="block text-muted">{inv.email}</span>
                    </td>
                    <td className={td}>{inv.organisationName}</td>
                    <td className={td}>{tRoles(inv.role)}</td>
                    <td className={td}>
                      <span className="block">{inv.invitedByName}</span>
                      <span className="block text-muted">{moment(inv.createdAt)}</span>
                    </td>
                    <td className={td}>
                      {inv.status === 'open' ? (
                        moment(inv.expiresAt)
                      ) : (
                        <span className="font-medium text-danger">{t('invitations.expired')}</span>
                      )}
                    </td>
                    <td className={`${td} text-right`}>
                      <AdminActionButton
                        action={revokeInvitationAction}
                        fields={{ invitationId: inv.id }}
                        label={inv.status === 'open' ? t('invitations.revoke') : t('invitations.remove')}
                        accessibleLabel={t(inv.status === 'open' ? 'invitations.revokeLabel' : 'invitations.removeLabel', { email: inv.email })}
                        tone="danger"
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="users-title">
        <h2 id="users-title" className="mb-3 text-lg font-semibold">
          {t('users')}
        </h2>
        <div className="overflow-x-auto rounded-lg border border-line bg-white">
          <table className="min-w-full divide-y divide-line text-sm">
            <thead className="bg-canvas">
              <tr>
                <th scope="col" className={th}>{t('name')}</th>
                <th scope="col" className={th}>{t('organisation')}</th>
                <th scope="col" className={th}>{t('role')}</th>
                <th scope="col" className={th}>{t('lastSignIn')}</th>
                <th scope="col" className={th}>{t('status')}</th>
                <th scope="col" className={th}><span className="sr-only">{t('invitations.actions')}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {users.map((user) => (
                <tr key={user.id} data-testid={`user-${user.email}`}>
                  <td className={td}>
                    <span className="block">
                      <Link href={`/admin/users/${user.id}`} className="font-medium text-brand-700 underline">
                        {user.name}
                      </Link>
                      {user.id === actor.userId ? <span className="text-muted"> ({t('you')})</span> : null}
                    </span>
                    <span className="block text-muted">{user.email}</span>
                  </td>
                  <td className={td}>{user.organisationName}</td>
                  <td className={td}>{tRoles(user.role)}</td>
                  <td className={td}>{user.lastSignInAt ? moment(user.lastSignInAt) : t('never')}</td>
                  <td className={td}>
                    <span className={user.active ? 'font-medium text-ok' : 'font-medium text-danger'}>
                      {user.active ? t('active') : t('inactive')}
                    </span>
                  </td>
                  <td className={`${td} text-right`}>
                    {user.id === actor.userId ? null : (
                      <UserActiveToggle
                        userId={user.id}
                        active={user.active}
                        version={user.version}
                        label={user.active ? t('deactivate') : t('activate')}
                        accessibleLabel={t(user.active ? 'deactivateLabel' : 'activateLabel', { name: user.name })}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
