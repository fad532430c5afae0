import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { EditOrganisationForm } from '@/components/admin/organisation-forms';
import { IdpSettingsForm } from '@/components/admin/idp-form';
import { AdminTabs } from '@/components/admin-tabs';
import { PageTitle } from '@/components/page-title';
import { organisationDomain } from '@/db/enums';
import { getOrganisation } from '@/lib/admin/organisations';
import { orNotFound, requirePage } from '@/lib/access/pages';
import { getIdpSettings } from '@/lib/auth/oidc/admin-config';
import { redirectUri } from '@/lib/auth/oidc/browser';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.organisationForm'))('editTitle') };
}

const card = 'rounded-lg border border-line bg-white p-5';

/** One organisation: its details, its users, and where its escalation contacts are kept. */
export default async function OrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage('admin.organisations');
  const org = await orNotFound(getOrganisation(actor, (await params).id));
  const [idp, callback] = await Promise.all([getIdpSettings(actor, org.id), redirectUri()]);
  const [t, tAdmin, tRoles, tDomains, tIdp] = await Promise.all([
    getTranslations('admin.organisationForm'),
    getTranslations('admin'),
    getTranslations('roles'),
    getTranslations('domains'),
    getTranslations('partnerIdp'),
  ]);
  return (
    <>
      <PageTitle>{tAdmin('title')}</PageTitle>
      <AdminTabs current="organisations" />
      <Link href="/admin/organisations" className="text-sm font-medium text-brand-700 underline">
        {t('back')}
      </Link>
      <section aria-labelledby="organisation-title" className={`${card} mb-6 mt-3`}>
        <h2 id="organisation-title" className="mb-4 text-xl font-semibold">
          {org.name}
        </h2>
        <EditOrganisationForm organisation={org} domains={organisationDomain.enumValues.map((d) => ({ value: d, label: tDomains(d) }))} />
      </section>

      {org.domain === 'veiligheidshuis' ? null : (
        <section aria-labelledby="contacts-title" className={`${card} mb-6`}>
          <h2 id="contacts-title" className="text-lg font-semibold">
            {t('contactsTitle')}
          </h2>
          <p className="mt-1 max-w-prose text-sm text-muted">
            {t('contactsText', { count: org.contactCount })}{' '}
            <Link href="/admin/settings#contacts-title" className="font-medium text-brand-700 underline">
              {t('contactsLink')}
            </Link>
          </p>
        </section>
      )}

      <section aria-labelledby="idp-title" className={`${card} mb-6`}>
        <h2 id="idp-title" className="text-lg font-semibold">
          {tIdp('title')}
        </h2>
        <p className="mb-3 mt-1 max-w-prose text-sm text-muted">
          {tIdp('intro')} {idp ? null : tIdp('none')}
        </p>
        <p className="mb-4 text-sm">
          {tIdp('redirectUri')}: <code className="break-all rounded bg-canvas px-1 py-0.5">{callback}</code>
        </p>
        <IdpSettingsForm organisationId={org.id} settings={idp} />
      </section>

      <section aria-labelledby="members-title" className={card}>
        <h2 id="members-title" className="mb-2 text-lg font-semibold">
          {t('usersTitle')}
        </h2>
        {org.users.length === 0 ? (
          <p className="text-sm text-muted">{t('noUsers')}</p>
        ) : (
          <ul className="divide-y divide-line">
            {org.users.map((u) => (
              <li key={u.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  <Link href={`/admin/users/${u.id}`} className="font-medium text-brand-700 underline">
                    {u.name}
                  </Link>{' '}
                  <span className="text-muted">{u.email}</span>
                </span>
                <span className="flex gap-3">
                  <span>{tRoles(u.role)}</span>
                  <span className={u.active ? 'font-medium text-ok' : 'font-medium text-danger'}>{u.active ? tAdmin('active') : tAdmin('inactive')}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
