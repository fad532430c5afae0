import { getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/error-notice';
import { PageTitle } from '@/components/page-title';
import { listAgreements } from '@/lib/agreements/list-agreements';
import { myAgreementsQuerySchema, type MyAgreementsQuery } from '@/lib/agreements/schemas';
import type { Actor } from '@/lib/actor';
import { todayInAmsterdam } from '@/lib/calendar/today';
import { uiLocale } from '@/lib/i18n/ui-locale';
import { fieldErrorsOf } from '@/lib/validation/zod';
import { AgreementCardView, AgreementListView } from './agreement-card';
import { AgreementFilters } from './agreement-filters';
import { AgreementListShell } from './agreement-list-shell';
import { asItems, searchOf } from './types';

const VARIANTS = {
  // The house's agreements for regisseurs: every case, overdue first.
  house: { path: '/agreements', section: 'agreements', intro: 'houseIntro', schema: myAgreementsQuerySchema.omit({ owner: true }) },
  // "Mijn afspraken": what the professional's organisation (or the professional) has to do, overdue first.
  partner: { path: '/my-agreements', section: 'myAgreements', intro: 'myIntro', schema: myAgreementsQuerySchema },
} as const;

export async function AgreementsOverview({
  actor,
  mode,
  searchParams,
  aboveList,
}: {
  actor: Actor;
  mode: keyof typeof VARIANTS;
  searchParams: unknown;
  /** Shown under the title, above the filters (the statusronde in Mijn afspraken). */
  aboveList?: React.ReactNode;
}) {
  const variant = VARIANTS[mode];
  const parsed = variant.schema.safeParse(searchParams);
  const query: MyAgreementsQuery = parsed.success ? parsed.data : {};
  const queryError = parsed.success ? null : Object.values(fieldErrorsOf(parsed.error, await uiLocale())).flat().join(' ');
  const [t, tNav, tEmpty, items] = await Promise.all([
    getTranslations('agreements'),
    getTranslations('nav'),
    getTranslations('empty'),
    listAgreements(actor, query),
  ]);
  const filtered = Object.values(query).some((v) => v !== undefined);
  const list = {
    initialItems: asItems(items),
    search: searchOf(query),
    today: todayInAmsterdam(),
    mode,
    currentUserId: actor.userId,
    emptyText: filtered ? t('emptyFiltered') : tEmpty(variant.section),
  };
  return (
    <>
      <PageTitle description={t(variant.intro)}>{tNav(variant.section)}</PageTitle>
      {aboveList}
      <AgreementFilters query={query} path={variant.path} withOwner={mode === 'partner'} />
      <ErrorNotice message={queryError} />
      <AgreementListShell {...list}>
        <AgreementListView items={list.initialItems} emptyText={list.emptyText}>
          {list.initialItems.map((item) => (
            <AgreementCardView key={item.id} item={item} today={list.today} mode={mode} currentUserId={actor.userId} />
          ))}
        </AgreementListView>
      </AgreementListShell>
    </>
  );
}
