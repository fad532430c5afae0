import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AccessGrantList } from '@/components/admin/access-grant-list';
import { PageTitle } from '@/components/page-title';
import { requirePage } from '@/lib/access/pages';
import { listGrants } from '@/lib/users/access-grants';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.grants'))('title') };
}

/**
 * Goedkeuringen: the grants of a role a regisseur (professionals) or a manager (admins) may approve as
 * the second person. Reached from the notice in the app; admins decide on Beheer, and may here too.
 */
export default async function ApprovalsPage() {
  const actor = await requirePage('accessGrant.decide');
  const [grants, t] = await Promise.all([listGrants(actor), getTranslations('admin.grants')]);
  return (
    <>
      <PageTitle description={t('intro')}>{t('title')}</PageTitle>
      <AccessGrantList grants={grants} />
    </>
  );
}
