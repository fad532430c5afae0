import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AdminActionButton } from '@/components/admin/admin-action-button';
import { UserAccessForm } from '@/components/admin/user-access-form';
import { AdminTabs } from '@/components/admin-tabs';
import { DetailList } from '@/components/cases/detail-list';
import { PageTitle } from '@/components/page-title';
import { UserActiveToggle } from '@/components/user-active-toggle';
import { userRole } from '@/db/enums';
import { organisationChoices } from '@/lib/admin/organisations';
import { requirePage } from '@/lib/access/pages';
import type { Actor } from '@/lib/actor';
import { AppError } from '@/lib/errors';
import { getUser, type UserDetail } from '@/lib/users/manage-users';
import { resetSecondFactorAction, signOutEverywhereAction, unlockUserAction } from '../../actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.userDetail'))('title') };
}

const card = 'rounded-lg border border-line bg-white p-5';

async function load(actor: Actor, id: string): Promise<UserDetail> {
  try {
    return await getUser(actor, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

/** One account: details, role and organisation, and the security actions (second factor, sessions, lock). */
export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage('admin.users');
  const user = await load(actor, (await params).id);
  const [organisations, t, tAdmin, tRoles, tDomains, format] = await Promise.all([
    organisationChoices(actor),
    getTranslations('admin.userDetail'),
    getTranslations('admin'),
    getTranslations('roles'),
    getTranslations('domains'),
    getFormatter(),
  ]);
  const self = user.id === actor.userId;
  const moment = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
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

      <section aria-labelledby="user-title" className={`${card} mb-6 mt-3`}>
        <div className="mb-4 flex flex-wrap items-center gap-3">
          <h2 id="user-title" className="text-xl font-semibold">
            {user.name}
            {self ? <span className="text-base font-normal text-muted"> ({tAdmin('you')})</span> : null}
          </h2>
          <span
            className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${
              user.active ? 'bg-emerald-50 text-ok ring-emerald-300' : 'bg-danger-50 text-danger ring-red-300'
            }`}
            data-testid="user-status"
          >
            {user.active ? tAdmin('active') : tAdmin('inactive')}
          </span>
        </div>
        <DetailList
          items={[
            { label: tAdmin('email'), value: user.email },
            { label: tAdmin('organisation'), value: `${user.organisationName}${user.organisationActive ? '' : ` (${t('organisationInactive')})`}` },
            { label: tAdmin('role'), value: tRoles(user.role) },
            { label: tAdmin('lastSignIn'), value: user.lastSignInAt ? moment(user.lastSignInAt) : tAdmin('never') },
            { label: t('since'), value: moment(user.createdAt) },
          ]}
        />
      </section>

      <section aria-labelledby="access-title" className={`${card} mb-6`}>
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

      <section aria-labelledby="security-title" className={card}>
        <h2 id="security-title" className="text-lg font-semibold">
          {t('securityTitle')}
        </h2>
        <ul className="mt-2 divide-y divide-line">
          <SecurityRow title={t('secondFactor')} text={user.secondFactorSince ? t('secondFactorSince', { date: moment(user.secondFactorSince) }) : t('secondFactorNone')}>
            {self ? null : (
              <AdminActionButton
                action={resetSecondFactorAction}
                fields={{ userId: user.id }}
                label={t('resetSecondFactor')}
                successMessage={t('secondFactorReset')}
                tone="danger"
              />
            )}
          </SecurityRow>
          <SecurityRow title={t('sessions')} text={t('sessionsCount', { count: user.activeSessions })}>
            <AdminActionButton
              action={signOutEverywhereAction}
              fields={{ userId: user.id }}
              label={t('signOutEverywhere')}
              successMessage={t('signedOut')}
              tone="danger"
            />
          </SecurityRow>
          <SecurityRow
            title={t('lock')}
            text={user.lockedUntil ? t('lockedUntil', { date: moment(user.lockedUntil) }) : t('notLocked')}
          >
            {user.lockedUntil ? (
              <AdminActionButton action={unlockUserAction} fields={{ userId: user.id }} label={t('unlock')} successMessage={t('unlocked')} />
            ) : null}
          </SecurityRow>
          <SecurityRow title={t('account')} text={self ? t('ownAccount') : user.active ? t('accountActive') : t('accountBlocked')}>
            {self ? null : (
              <UserActiveToggle
                userId={user.id}
                active={user.active}
                version={user.version}
                label={user.active ? tAdmin('deactivate') : tAdmin('activate')}
                accessibleLabel={tAdmin(user.active ? 'deactivateLabel' : 'activateLabel', { name: user.name })}
              />
            )}
          </SecurityRow>
        </ul>
      </section>
    </>
  );
}

function SecurityRow({ title, text, children }: { title: string; text: string; children?: React.ReactNode }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3">
      <div className="min-w-0 max-w-prose">
        <h3 className="text-sm font-semibold">{title}</h3>
        <p className="text-sm text-muted">{text}</p>
      </div>
      {children ? <div className="shrink-0">{children}</div> : null}
    </li>
  );
}
