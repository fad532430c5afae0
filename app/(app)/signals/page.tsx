import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/error-notice';
import { PageTitle } from '@/components/page-title';
import { sectionMetadata } from '@/components/section-placeholder';
import { SignalFilters } from '@/components/signals/signal-filters';
import { PartnerReliability } from '@/components/dashboard/partner-reliability';
import { StuurgroepReport } from '@/components/signals/stuurgroep-report';
import { requirePage } from '@/lib/access/pages';
import { AppError, type ErrorLocale } from '@/lib/errors';
import { uiLocale } from '@/lib/i18n/ui-locale';
import { groupSignals } from '@/lib/signals/group-signals';
import { LoadMore } from '@/components/load-more';
import { SignalGroupList } from '@/components/signals/signal-group-list';
import { moreSignalsAction } from './more-action';
import { listSignals, listSignalsByIds, parseSignalQuery, signalFilterOptions } from '@/lib/signals/list-signals';
import { stuurgroepReport } from '@/lib/signals/report';
import { parseActedIds, type SignalListQuery } from '@/lib/signals/schemas';
import { authorize } from '@/lib/access/policy';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => sectionMetadata('signals');

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FILTER_KEYS = ['rule', 'level', 'minLevel', 'case', 'organisation', 'status'] as const;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The filters as they stand in the URL; a bad value is shown and otherwise ignored. */
function readQuery(params: Record<string, string | string[] | undefined>, locale: ErrorLocale): { query: SignalListQuery; error: string | null } {
  const raw = Object.fromEntries(FILTER_KEYS.map((k) => [k, single(params[k])]));
  try {
    return { query: parseSignalQuery(raw), error: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const { message, fieldErrors } = error.localized(locale);
    return { query: { status: 'open' }, error: Object.values(fieldErrors ?? {}).flat().join(' ') || message };
  }
}

/**
 * What the signals page keeps in its URL, so a form returns to the same filtered list, with the signals
 * acted on so far (they stay in place, marked, until the page is opened afresh).
 */
/** The list with its filters and nothing else: where "Meer laden" goes on from. */
function listPath(query: SignalListQuery): string {
  return returnPath(query, []);
}

function returnPath(query: SignalListQuery, acted: string[]): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = query[key];
    if (value && !(key === 'status' && value === 'open')) params.set(key, value);
  }
  if (acted.length > 0) params.set('acted', acted.join(','));
  const search = params.toString();
  return search ? `/signals?${search}` : '/signals';
}

/**
 * Signals of stagnation for regisseurs (resolve, snooze) and, read-only and without free text, for the
 * managers their escalations reach. Per case, one card per agreement, in an order no action changes; filters
 * in the URL; the stuurgroep report as a tab.
 */
export default async function SignalsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePage('section.signals');
  const params = await searchParams;
  const view = single(params.view) === 'stuurgroep' ? 'stuurgroep' : 'list';
  const done = single(params.done);
  const editable = authorize(actor, 'signal.resolve') === 'allow';
  const t = await getTranslations('signals');

  const tabs = (
    <nav aria-label={t('views')} className="mb-6 flex gap-2 border-b border-line">
      {(['list', 'stuurgroep'] as const).map((key) => (
        <Link
          key={key}
          href={key === 'list' ? '/signals' : '/signals?view=stuurgroep'}
          aria-current={key === view ? 'page' : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
            key === view ? 'border-brand-600 text-brand-800' : 'border-transparent text-muted hover:text-ink'
          }`}
        >
          {t(`tabs.${key}`)}
        </Link>
      ))}
    </nav>
  );
  const notice =
    done === 'resolved' || done === 'snoozed' ? (
      <p role="status" className="mb-4 rounded border border-ok bg-emerald-50 px-3 py-2 text-sm text-ok">
        {t(done)}
      </p>
    ) : null;
  const title = <PageTitle description={editable ? t('intro') : t('managerIntro')}>{t('title')}</PageTitle>;

  if (view === 'stuurgroep') {
    const report = await stuurgroepReport(actor);
    return (
      <>
        {title}
        {tabs}
        <StuurgroepReport items={report.items} total={report.total} />
        <PartnerReliability actor={actor} />
      </>
    );
  }

  const locale = await uiLocale();
  const { query, error } = readQuery(params, locale);
  const actedIds = editable ? parseActedIds(single(params.acted)) : [];
  const cursor = error ? undefined : single(params.cursor);
  const [{ items: listed, total, capped, nextCursor, cursorError }, options, actedItems] = await Promise.all([
    // A changed or outdated cursor: said on the page, and the list from its start.
    listSignals(actor, { ...query, cursor }).then(
      (page) => ({ ...page, cursorError: null }),
      async (e: unknown) => {
        if (!(cursor && e instanceof AppError && e.code === 'VALIDATION')) throw e;
        return { ...(await listSignals(actor, query)), cursorError: e.localized(locale).message };
      },
    ),
    signalFilterOptions(actor, query.status),
    listSignalsByIds(actor, actedIds),
  ]);
  // What was acted on in this round stays in the list (no longer open), in its place.
  const seen = new Set(listed.map((s) => s.id));
  const items = [...listed, ...actedItems.filter((s) => !seen.has(s.id) && (!query.case || s.caseId === query.case))];
  const groups = groupSignals(items, new Set(actedIds));
  const filtered = FILTER_KEYS.some((k) => k !== 'status' && query[k] !== undefined) || query.status !== 'open';
  const back = returnPath(query, actedIds);

  return (
    <>
      {title}
      {tabs}
      {notice}
      <SignalFilters query={query} options={options} />
      <ErrorNotice message={error ?? cursorError} />
      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-line bg-white px-6 py-12 text-center">
          <h2 className="text-base font-semibold text-ink">{filtered ? t('emptyFilteredTitle') : t('emptyTitle')}</h2>
          <p className="mx-auto mt-2 max-w-prose text-sm text-muted">{filtered ? t('emptyFiltered') : t('empty')}</p>
        </div>
      ) : (
        <>
          <p className="mb-4 text-sm text-muted" data-testid="signal-count">
            {capped ? t('countCapped', { count: total }) : t('count', { count: total, cases: groups.filter((g) => g.caseId && !g.acted).length })}
            {items.length < total ? ` ${t('countShown', { shown: items.length })}` : null}
          </p>
          <div className="space-y-4">
            <SignalGroupList items={items} acted={actedIds} editable={editable} returnTo={back} idSuffix={cursor ? '-c' : ''} />
            <LoadMore href={listPath(query)} cursor={nextCursor} load={moreSignalsAction.bind(null, listPath(query).split('?')[1] ?? '')} />
          </div>
        </>
      )}
    </>
  );
}
