import { getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/error-notice';
import { PageTitle } from '@/components/page-title';
import { listAgreementPage } from '@/lib/agreements/list-agreements';
import type { MorePage } from '@/components/load-more';
import type { AgreementItem } from './types';
import { myAgreementsQuerySchema, type MyAgreementsQuery } from '@/lib/agreements/schemas';
import type { Actor } from '@/lib/actor';
import { todayInAmsterdam } from '@/lib/calendar/today';
import { uiLocale } from '@/lib/i18n/ui-locale';
import { fieldErrorsOf } from '@/lib/validation/zod';
import { AgreementCardView, AgreementListView } from './agreement-card';
import { AgreementFilters } from './agreement-filters';
import { AgreementListShell, AgreementsLoadMore } from './agreement-list-shell';
import { AppError } from '@/lib/errors';
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
  loadMore,
}: {
  actor: Actor;
  mode: keyof typeof VARIANTS;
  searchParams: unknown;
  /** Shown under the title, above the filters (the statusronde in Mijn afspraken). */
  aboveList?: React.ReactNode;
  /** The page's server action for "Meer laden" (app/(app)/agreements/more-action.tsx). */
  loadMore: (mode: keyof typeof VARIANTS, search: string, cursor: string) => Promise<MorePage<AgreementItem[]>>;
}) {
  const variant = VARIANTS[mode];
  const parsed = variant.schema.safeParse(searchParams);
  const query: MyAgreementsQuery = parsed.success ? parsed.data : {};
  const queryError = parsed.success ? null : Object.values(fieldErrorsOf(parsed.error, await uiLocale())).flat().join(' ');
  const [t, tNav, tEmpty, page] = await Promise.all([
    getTranslations('agreements'),
    getTranslations('nav'),
    getTranslations('empty'),
    // A changed or outdated cursor: said on the page, and the list from its start.
    listAgreementPage(actor, query).then(
      (p) => ({ ...p, cursorError: null }),
      async (e: unknown) => {
        if (!(query.cursor && e instanceof AppError && e.code === 'VALIDATION')) throw e;
        return { ...(await listAgreementPage(actor, { ...query, cursor: undefined })), cursorError: e.localized(await uiLocale()).message };
      },
    ),
  ]);
  const filters = { ...query, cursor: undefined };
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const search = searchOf(filters);
  const list = {
    initialItems: asItems(page.items),
    total: page.total,
    capped: page.capped,
    nextCursor: page.nextCursor,
    search,
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
      <ErrorNotice message={queryError ?? page.cursorError} />
      <AgreementListShell {...list}>
        <AgreementListView items={list.initialItems} total={list.total} capped={list.capped} partial={page.nextCursor !== null} emptyText={list.emptyText}>
          {list.initialItems.map((item) => (
            <AgreementCardView key={item.id} item={item} today={list.today} mode={mode} currentUserId={actor.userId} />
          ))}
          <AgreementsLoadMore
            href={search ? `${variant.path}?${search}` : variant.path}
            cursor={page.nextCursor}
            load={loadMore.bind(null, mode, search)}
          />
        </AgreementListView>
      </AgreementListShell>
    </>
  );
}
