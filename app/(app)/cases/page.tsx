import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CaseFilters } from '@/components/cases/case-filters';
import { StatusBadge } from '@/components/cases/status-badge';
import { EmptyState } from '@/components/empty-state';
import { ErrorNotice } from '@/components/error-notice';
import { PageTitle } from '@/components/page-title';
import { Pagination } from '@/components/pagination';
import { requirePage } from '@/lib/access/pages';
import { authorize } from '@/lib/access/policy';
import { DEFAULT_PAGE_SIZE, listCases, listMyReferrals } from '@/lib/cases/list-cases';
import { caseListQuerySchema, type CaseListQuery } from '@/lib/cases/schemas';
import { municipalityChoices, partnerChoices, regisseurChoices } from '@/lib/choices/form-choices';
import { getHouse } from '@/lib/house/house';
import { RateLimitedError } from '@/lib/http/rate-limit';
import { uiLocale } from '@/lib/i18n/ui-locale';
import { AppError } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/validation/zod';
import { TableBox, thClass } from '@/components/ui/table';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('cases'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CasesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePage('section.cases');
  const raw = await searchParams;
  const parsed = caseListQuerySchema.safeParse(raw);
  const query: CaseListQuery = parsed.success ? parsed.data : {};
  const queryError = parsed.success ? null : Object.values(fieldErrorsOf(parsed.error, await uiLocale())).flat().join(' ');
  const empty = { items: [], total: 0, capped: false, nextCursor: null, cursorError: null, limited: null };
  const list = (q: CaseListQuery) => listCases(actor, q, { limitSearch: true });
  const [t, format, result, house] = await Promise.all([
    getTranslations('cases'),
    getFormatter(),
    list(query).then(
      (r) => ({ ...r, cursorError: null, limited: null }),
      async (e: unknown) => {
        // Searching by name is limited per user (lib/auth/throttle.ts); over the limit the page says so instead.
        if (e instanceof RateLimitedError) return { ...empty, limited: e.message };
        // A changed or outdated cursor: said on the page, and the list from its start.
        if (!(query.cursor && e instanceof AppError && e.code === 'VALIDATION')) throw e;
        return { ...(await list({ ...query, cursor: undefined, page: undefined })), cursorError: e.localized(await uiLocale()).message, limited: null };
      },
    ),
    getHouse(),
  ]);
  // The steering roles filter the house's whole list; a partner sees the cases convened to them.
  const steering = authorize(actor, 'case.list') !== 'shared';
  const [municipalities, regisseurs, partners, referrals] = await Promise.all([
    steering ? municipalityChoices(house.safetyRegionCode) : undefined,
    steering ? regisseurChoices() : undefined,
    steering ? partnerChoices() : undefined,
    authorize(actor, 'case.view', 'referrer') === 'receipt' ? listMyReferrals(actor) : undefined,
  ]);
  const page = result.cursorError ? 1 : (query.page ?? 1);
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(result.total / pageSize));
  const hrefFor = (p: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && key !== 'page' && key !== 'cursor') params.set(key, String(value));
    params.set('page', String(p));
    // The next page goes on from the last case shown (a keyset cursor): no offset to count through.
    if (p === page + 1 && result.nextCursor) params.set('cursor', result.nextCursor);
    return `/cases?${params}`;
  };
  const pseudonymised = authorize(actor, 'case.list') === 'pseudonymised';
  const canRefer = authorize(actor, 'case.create') === 'allow';
  const th = thClass;

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageTitle description={pseudonymised ? t('pseudonymisedNote') : undefined}>{t('title')}</PageTitle>
        {canRefer ? (
          <Link href="/cases/new" className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
            {t('newReferral')}
          </Link>
        ) : null}
      </div>
      <CaseFilters
        query={query}
        labels={{
          filter: t('filter'), search: t('search'), searchPlaceholder: t(pseudonymised ? 'searchPlaceholderNumber' : 'searchPlaceholder'), status: t('status'),
          targetGroup: t('targetGroup'), municipality: t('municipality'), regisseur: t('regisseur'), partner: t('partner'),
          all: t('all'), reset: t('reset'), sort: t('sort'),
        }}
        statusLabel={(s) => t(`statuses.${s}`)}
        targetGroupLabel={(s) => t(`targetGroups.${s}`)}
        sortLabel={(s) => t(`sortBy.${s}`)}
        municipalities={municipalities?.map((m) => ({ value: m.code, label: m.name }))}
        regisseurs={regisseurs?.map((r) => ({ value: r.id, label: r.name }))}
        partners={partners?.map((p) => ({ value: p.id, label: p.name }))}
      />
      <ErrorNotice message={result.limited} />
      <ErrorNotice message={queryError ?? result.cursorError} />
      <p className="mb-2 text-sm text-muted" aria-live="polite">
        {result.capped ? t('resultsCapped', { total: result.total }) : t('results', { total: result.total })}
      </p>
      {result.items.length === 0 ? (
        <EmptyState title={t('noResults')}>{''}</EmptyState>
      ) : (
        <TableBox>
          <table className="min-w-full divide-y divide-line text-sm">
            <thead className="bg-canvas">
              <tr>
                <th scope="col" className={th}>{t('number')}</th>
                {pseudonymised ? null : <th scope="col" className={th}>{t('subject')}</th>}
                <th scope="col" className={th}>{t('status')}</th>
                <th scope="col" className={th}>{t('targetGroup')}</th>
                <th scope="col" className={th}>{t('municipality')}</th>
                <th scope="col" className={th}>{t('regisseur')}</th>
                <th scope="col" className={th}>{t('updated')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {result.items.map((c) => (
                <tr key={c.id} className="hover:bg-brand-50">
                  <td className="px-3 py-2 font-medium whitespace-nowrap">
                    <Link href={`/cases/${c.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {c.number}
                    </Link>
                  </td>
                  {pseudonymised ? null : <td className="px-3 py-2">{c.subjectName}</td>}
                  <td className="px-3 py-2">
                    <StatusBadge status={c.status} label={t(`statuses.${c.status}`)} paused={c.pauseReason ? `${t('paused')}: ${t(`pauseReasons.${c.pauseReason}`)}` : null} />
                  </td>
                  <td className="px-3 py-2">{t(`targetGroups.${c.targetGroup}`)}</td>
                  <td className="px-3 py-2">{c.municipalityName}</td>
                  <td className="px-3 py-2">{c.regisseurName ?? '—'}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{format.dateTime(c.updatedAt, { dateStyle: 'medium' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
      <Pagination page={page} pages={pages} hrefFor={hrefFor} labels={{ previous: t('previous'), next: t('next'), page: t('page', { page, pages }) }} />
      {referrals && referrals.length > 0 ? (
        <section aria-labelledby="my-referrals" className="mt-10">
          <h2 id="my-referrals" className="text-lg font-semibold">{t('myReferrals')}</h2>
          <p className="mb-3 text-sm text-muted">{t('myReferralsIntro')}</p>
          <ul className="divide-y divide-line rounded-lg border border-line bg-white">
            {referrals.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
                <Link href={`/cases/${r.id}`} className="font-medium text-brand-700 underline">{r.number}</Link>
                <span className="text-muted">{format.dateTime(r.createdAt, { dateStyle: 'medium' })}</span>
                <StatusBadge status={r.status} label={t(`statuses.${r.status}`)} />
                <span>{r.triageDecision ? t(`decisions.${r.triageDecision}`) : '—'}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
