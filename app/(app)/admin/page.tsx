import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AdminTabs } from '@/components/admin-tabs';
import { PageTitle } from '@/components/page-title';
import { UserActiveToggle } from '@/components/user-active-toggle';
import { requireActor } from '@/lib/auth/actor';
import { listOrganisations, listUsers } from '@/lib/users/manage-users';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('title') };
}

const th = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-muted';
const td = 'px-3 py-2 align-middle';

export default async function AdminPage() {
  const actor = await requireActor(['admin']);
  const [users, organisations, t, tRoles, tDomains, format] = await Promise.all([
    listUsers(actor),
    listOrganisations(actor),
    getTranslations('admin'),
    getTranslations('roles'),
    getTranslations('domains'),
    getFormatter(),
  ]);
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <AdminTabs current="overview" />
      <section aria-labelledby="users-title" className="mb-10">
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
                <th scope="col" className={th}><span className="sr-only">{t('status')}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {users.map((user) => (
                <tr key={user.id} data-testid={`user-${user.email}`}>
                  <td className={td}>
                    <span className="block font-medium">
                      {user.name}
                      {user.id === actor.userId ? <span className="text-muted"> ({t('you')})</span> : null}
                    </span>
                    <span className="block text-muted">{user.email}</span>
                  </td>
                  <td className={td}>{user.organisationName}</td>
                  <td className={td}>{tRoles(user.role)}</td>
                  <td className={td}>
                    {user.lastSignInAt ? format.dateTime(user.lastSignInAt, { dateStyle: 'medium', timeStyle: 'short' }) : t('never')}
                  </td>
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
      <section aria-labelledby="organisations-title">
        <h2 id="organisations-title" className="mb-3 text-lg font-semibold">
          {t('organisations')}
        </h2>
        <div className="overflow-x-auto rounded-lg border border-line bg-white">
          <table className="min-w-full divide-y divide-line text-sm">
            <thead className="bg-canvas">
              <tr>
                <th scope="col" className={th}>{t('name')}</th>
                <th scope="col" className={th}>{t('shortName')}</th>
                <th scope="col" className={th}>{t('domain')}</th>
                <th scope="col" className={`${th} text-right`}>{t('userCount')}</th>
                <th scope="col" className={th}>{t('status')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {organisations.map((org) => (
                <tr key={org.id}>
                  <td className={`${td} font-medium`}>{org.name}</td>
                  <td className={td}>{org.shortName}</td>
                  <td className={td}>{tDomains(org.domain)}</td>
                  <td className={`${td} text-right tabular-nums`}>{org.userCount}</td>
                  <td className={td}>{org.active ? t('active') : t('inactive')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
