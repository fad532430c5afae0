import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { UserAccessForm } from '@/components/admin/user-access-form';
import { UserSecurityCard } from '@/components/admin/user-security-card';
import { UserSummaryCard } from '@/components/admin/user-summary-card';
import { AdminTabs } from '@/components/admin-tabs';
import { PageTitle } from '@/components/page-title';
import { userRole } from '@/db/enums';
import { organisationChoices } from '@/lib/admin/organisations';
import { orNotFound, requirePage } from '@/lib/access/pages';
import { getUser } from '@/lib/users/manage-users';
import { resetSecondFactorAction, setUserActiveAction, signOutEverywhereAction, unlockUserAction } from '../../actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.userDetail'))('title') };
}

/** One account: details, role and organisation, and the security actions (second factor, sessions, lock). */
export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage('admin.users');
  const user = await orNotFound(getUser(actor, (await params).id));
  const [organisations, t, tAdmin, tRoles, tDomains] = await Promise.all([
    organisationChoices(actor),
    getTranslations('admin.userDetail'),
    getTranslations('admin'),
    getTranslations('roles'),
    getTranslations('domains'),
  ]);
  const self = user.id === actor.userId;
  // The current organisation stays a choice even when it was deactivated, so the form shows what is.
  const orgOptions = organisations.map((o) => ({ value: o.id, label: `${o.name} (${tDomains(o.domain)})` }));
  if (!organisations.some((o) => o.id === user.organisationId)) {
    orgOptions.unshift({ value: user.organisationId, label: `${user.organisationName} (${tAdmin('inactive')})` });
  }
  return (
    <>
      <PageTitle>{tAdmin('title')}</PageTitle>
      <AdminTabs current="overview" />
      <Link href="/admin" className="text-sm font-medium text-brand-700 underline">
        {t('back')}
      </Link>

      <UserSummaryCard user={user} self={self} />

      <section aria-labelledby="access-title" className="mb-6 rounded-lg border border-line bg-white p-5">
        <h2 id="access-title" className="text-lg font-semibold">
          {t('accessTitle')}
        </h2>
        {self ? (
          <p className="mt-1 max-w-prose text-sm text-muted" data-testid="own-access">
            {t('ownAccess')}
          </p>
        ) : (
          <>
            <p className="mb-4 mt-1 max-w-prose text-sm text-muted">{t('accessIntro')}</p>
            <UserAccessForm
              userId={user.id}
              version={user.version}
              role={user.role}
              organisationId={user.organisationId}
              roles={userRole.enumValues.map((r) => ({ value: r, label: tRoles(r) }))}
              organisations={orgOptions}
            />
          </>
        )}
      </section>

      <UserSecurityCard
        user={user}
        self={self}
        resetSecondFactor={{ action: resetSecondFactorAction, label: t('resetSecondFactor'), successMessage: t('secondFactorReset') }}
        setActive={setUserActiveAction}
        signOutEverywhere={signOutEverywhereAction}
        unlock={unlockUserAction}
      />
    </>
  );
}
