import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { UserSecurityCard } from '@/components/admin/user-security-card';
import { UserSummaryCard } from '@/components/admin/user-summary-card';
import { PageTitle } from '@/components/page-title';
import { orNotFound, requirePage } from '@/lib/access/pages';
import { getOwnUser } from '@/lib/users/partner-admin';
import { resetOwnSecondFactorAction, setOwnUserActiveAction } from '../../actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.userDetail'))('title') };
}

/**
 * One colleague's account: last sign-in, second factor, sessions, and blocking. Another organisation's
 * account (or none) is a 404, audited as denied in lib/users/partner-admin.ts.
 */
export default async function PartnerUserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage('partner.users');
  const user = await orNotFound(getOwnUser(actor, (await params).id));
  const t = await getTranslations('partnerAdmin');
  const self = user.id === actor.userId;
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <Link href="/partnerbeheer" className="text-sm font-medium text-brand-700 underline">
        {t('back')}
      </Link>
      <UserSummaryCard user={user} self={self} />
      <UserSecurityCard
        user={user}
        self={self}
        resetSecondFactor={{ action: resetOwnSecondFactorAction, label: t('reEnrol'), successMessage: t('reEnrolDone') }}
        setActive={setOwnUserActiveAction}
      />
    </>
  );
}
