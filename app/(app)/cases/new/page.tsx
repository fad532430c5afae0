import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ReferralForm, type ReferrerFields } from '@/components/cases/referral-form';
import { PageTitle } from '@/components/page-title';
import { requirePage } from '@/lib/access/pages';
import { todayInAmsterdam } from '@/lib/calendar/today';
import { TARGET_GROUPS } from '@/lib/cases/vocabulary';
import { municipalityChoices, partnerChoices } from '@/lib/choices/form-choices';
import { getHouse } from '@/lib/house/house';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('referral'))('title') };
}

export default async function NewReferralPage() {
  const actor = await requirePage('case.create');
  const [t, tCases, house] = await Promise.all([getTranslations('referral'), getTranslations('cases'), getHouse()]);
  const municipalities = await municipalityChoices(house.safetyRegionCode || undefined);
  const keys = ['subjectSection', 'name', 'birthDate', 'address', 'addressHint', 'municipality', 'chooseMunicipality', 'caseSection',
    'targetGroup', 'chooseTargetGroup', 'reason', 'goal', 'involvedPartners', 'involvedHint', 'criteriaSection', 'criteriaIntro',
    'yes', 'no', 'submit', 'submitting', 'errorTitle'] as const;
  const labels = {
    ...(Object.fromEntries(keys.map((k) => [k, t(k)])) as Record<(typeof keys)[number], string>),
    criteria: {
      multiDomain: t('criteria.multiDomain'),
      multiChain: t('criteria.multiChain'),
      household: t('criteria.household'),
      localSafety: t('criteria.localSafety'),
    },
  };
  return (
    <div className="max-w-3xl">
      <PageTitle description={t('intro')}>{t('title')}</PageTitle>
      <ReferralForm
        labels={labels}
        municipalities={municipalities.map((m) => ({ value: m.code, label: m.name }))}
        targetGroups={TARGET_GROUPS.map((g) => ({ value: g, label: tCases(`targetGroups.${g}`) }))}
        today={todayInAmsterdam()}
        referrer={actor.role === 'regisseur' ? await referrerFields(t) : undefined}
      />
    </div>
  );
}

/** The regisseur takes referrals on the phone: the form asks who referred. */
async function referrerFields(t: Awaited<ReturnType<typeof getTranslations<'referral'>>>): Promise<ReferrerFields> {
  const organisations = await partnerChoices();
  return {
    organisations: organisations.map((o) => ({ value: o.id, label: o.name })),
    labels: {
      section: t('referrerSection'),
      intro: t('referrerIntro'),
      organisation: t('referrerOrganisation'),
      chooseOrganisation: t('chooseReferrerOrganisation'),
      otherOrganisation: t('referrerOtherOrganisation'),
      otherHint: t('referrerOtherHint'),
      contactName: t('contactName'),
      contactDetails: t('contactDetails'),
    },
  };
}
