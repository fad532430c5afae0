import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CreateOrganisationForm } from '@/components/admin/organisation-forms';
import { AdminTabs } from '@/components/admin-tabs';
import { cell, DataTable } from '@/components/data-table';
import { PageTitle } from '@/components/page-title';
import { organisationDomain } from '@/db/enums';
import { listOrganisations } from '@/lib/admin/organisations';
import { requirePage } from '@/lib/access/pages';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('organisations') };
}

/** The house and its partner organisations: add one, open one to edit it. */
export default async function OrganisationsPage() {
  const actor = await requirePage('admin.organisations');
  const [organisations, t, tDomains] = await Promise.all([listOrganisations(actor), getTranslations('admin'), getTranslations('domains')]);
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <AdminTabs current="organisations" />
      <section aria-labelledby="new-organisation-title" className="mb-8 rounded-lg border border-line bg-white p-5">
        <h2 id="new-organisation-title" className="text-lg font-semibold">
          {t('organisationForm.newTitle')}
        </h2>
        <p className="mb-4 max-w-prose text-sm text-muted">{t('organisationForm.newIntro')}</p>
        <CreateOrganisationForm domains={organisationDomain.enumValues.map((d) => ({ value: d, label: tDomains(d) }))} />
      </section>
      <section aria-labelledby="organisations-title">
        <h2 id="organisations-title" className="mb-3 text-lg font-semibold">
          {t('organisations')}
        </h2>
        <DataTable
          columns={[
            { label: t('name') },
            { label: t('shortName') },
            { label: t('domain') },
            { label: t('userCount'), numeric: true },
            { label: t('organisationForm.contactCount'), numeric: true },
            { label: t('status') },
          ]}
        >
          {organisations.map((org) => (
            <tr key={org.id} data-testid={`organisation-${org.shortName}`}>
              <td className={cell}>
                <Link href={`/admin/organisations/${org.id}`} className="font-medium text-brand-700 underline">
                  {org.name}
                </Link>
              </td>
              <td className={cell}>{org.shortName}</td>
              <td className={cell}>{tDomains(org.domain)}</td>
              <td className={`${cell} text-right tabular-nums`}>{org.userCount}</td>
              <td className={`${cell} text-right tabular-nums`}>{org.domain === 'veiligheidshuis' ? '—' : org.contactCount}</td>
              <td className={cell}>
                <span className={org.active ? 'font-medium text-ok' : 'font-medium text-danger'}>
                  {org.active ? t('organisationForm.statusActive') : t('organisationForm.statusInactive')}
                </span>
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  );
}
