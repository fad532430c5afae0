import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { DetailList } from '@/components/cases/detail-list';
import { PageTitle } from '@/components/page-title';
import { OwnUserActiveToggle, ResetOwnSecondFactorButton } from '@/components/partner-admin/partner-user-buttons';
import { requirePage } from '@/lib/access/pages';
import type { Actor } from '@/lib/actor';
import { AppError } from '@/lib/errors';
import type { UserDetail } from '@/lib/users/manage-users';
import { getOwnUser } from '@/lib/users/partner-admin';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.userDetail'))('title') };
}

const card = 'rounded-lg border border-line bg-white p-5';

/** Another organisation's account (or none) is a 404, audited as denied in lib/users/partner-admin.ts. */
async function load(actor: Actor, id: string): Promise<UserDetail> {
  try {
    return await getOwnUser(actor, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

/** One colleague's account: last sign-in, second factor, sessions, and blocking. */
export default async function PartnerUserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage('partner.users');
  const user = await load(actor, (await params).id);
  const [t, tAdmin, tPartner, tRoles, format] = await Promise.all([
    getTranslations('admin.userDetail'),
    getTranslations('admin'),
    getTranslations('partnerAdmin'),
    getTranslations('roles'),
    getFormatter(),
  ]);
  const self = user.id === actor.userId;
  const moment = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <PageTitle>{tPartner('title')}</PageTitle>
      <Link href="/partnerbeheer" className="text-sm font-medium text-brand-700 underline">
        {tPartner('back')}
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
            { label: tAdmin('organisation'), value: user.organisationName },
            { label: tAdmin('role'), value: tRoles(user.role) },
            { label: tAdmin('lastSignIn'), value: user.lastSignInAt ? moment(user.lastSignInAt) : tAdmin('never') },
            { label: t('since'), value: moment(user.createdAt) },
          ]}
        />
      </section>

      <section aria-labelledby="security-title" className={card}>
        <h2 id="security-title" className="text-lg font-semibold">
          {t('securityTitle')}
        </h2>
        <ul className="mt-2 divide-y divide-line">
          <Row title={t('secondFactor')} text={user.secondFactorSince ? t('secondFactorSince', { date: moment(user.secondFactorSince) }) : t('secondFactorNone')}>
            {self ? null : <ResetOwnSecondFactorButton userId={user.id} label={tPartner('reEnrol')} successMessage={tPartner('reEnrolDone')} />}
          </Row>
          <Row title={t('sessions')} text={t('sessionsCount', { count: user.activeSessions })} />
          <Row title={t('account')} text={self ? t('ownAccount') : user.active ? t('accountActive') : t('accountBlocked')}>
            {self ? null : (
              <OwnUserActiveToggle
                userId={user.id}
                active={user.active}
                version={user.version}
                label={user.active ? tAdmin('deactivate') : tAdmin('activate')}
                accessibleLabel={tAdmin(user.active ? 'deactivateLabel' : 'activateLabel', { name: user.name })}
              />
            )}
          </Row>
        </ul>
      </section>
    </>
  );
}

function Row({ title, text, children }: { title: string; text: string; children?: React.ReactNode }) {
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
