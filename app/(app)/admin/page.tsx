import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AccessGrantList } from '@/components/admin/access-grant-list';
import { AdminActionButton } from '@/components/admin/admin-action-button';
import { InviteUserForm } from '@/components/admin/invite-user-form';
import { UsersTable } from '@/components/admin/users-table';
import { AdminTabs } from '@/components/admin-tabs';
import { cell, DataTable } from '@/components/data-table';
import { PageTitle } from '@/components/page-title';
import { userRole } from '@/db/enums';
import { organisationChoices } from '@/lib/admin/organisations';
import { requirePage } from '@/lib/access/pages';
import { listGrants } from '@/lib/users/access-grants';
import { listInvitations } from '@/lib/users/invitations';
import { listUsers } from '@/lib/users/manage-users';
import { inviteUserAction, revokeInvitationAction, setUserActiveAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('title') };
}

const card = 'rounded-lg border border-line bg-white p-5';

/**
 * Functioneel beheer of accounts: invite, what waits for a second person's approval, the open
 * invitations, and every user of the house.
 */
export default async function AdminPage() {
  const actor = await requirePage('section.admin');
  const [users, grants, invitations, organisations, t, tRoles, format] = await Promise.all([
    listUsers(actor),
    listGrants(actor),
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
          action={inviteUserAction}
          choices={{
            roles: userRole.enumValues.map((r) => ({ value: r, label: tRoles(r) })),
            organisations: organisations.map((o) => ({ value: o.id, label: o.name })),
          }}
        />
      </section>

      <section aria-labelledby="grants-title" className="mb-10">
        <h2 id="grants-title" className="text-lg font-semibold">
          {t('grants.title')}
        </h2>
        <p className="mb-3 max-w-prose text-sm text-muted">{t('grants.intro')}</p>
        <AccessGrantList grants={grants} />
      </section>

      <section aria-labelledby="invitations-title" className="mb-10">
        <h2 id="invitations-title" className="mb-3 text-lg font-semibold">
          {t('invitations.title')}
        </h2>
        {invitations.length === 0 ? (
          <p className="rounded-lg border border-dashed border-line bg-white px-6 py-6 text-center text-sm text-muted">{t('invitations.none')}</p>
        ) : (
          <DataTable
            columns={[
              { label: t('name') },
              { label: t('organisation') },
              { label: t('role') },
              { label: t('invitations.invitedBy') },
              { label: t('invitations.expires') },
              { label: t('invitations.actions'), hidden: true },
            ]}
            testId="invitations"
          >
            {invitations.map((inv) => (
              <tr key={inv.id} data-testid={`invitation-${inv.email}`}>
                <td className={cell}>
                  <span className="block font-medium">{inv.name}</span>
                  <span className="block text-muted">{inv.email}</span>
                </td>
                <td className={cell}>{inv.organisationName}</td>
                <td className={cell}>{tRoles(inv.role)}</td>
                <td className={cell}>
                  <span className="block">{inv.invitedByName}</span>
                  <span className="block text-muted">{moment(inv.createdAt)}</span>
                </td>
                <td className={cell}>
                  {inv.status === 'open' ? (
                    moment(inv.expiresAt)
                  ) : (
                    <span className="font-medium text-danger">{t('invitations.expired')}</span>
                  )}
                </td>
                <td className={`${cell} text-right`}>
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
          </DataTable>
        )}
      </section>

      <section aria-labelledby="users-title">
        <h2 id="users-title" className="mb-3 text-lg font-semibold">
          {t('users')}
        </h2>
        <UsersTable users={users} actorId={actor.userId} pageOf={(id) => `/admin/users/${id}`} setActive={setUserActiveAction} showOrganisation />
      </section>
    </>
  );
}
