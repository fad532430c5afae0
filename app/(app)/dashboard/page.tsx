import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { DashboardFilters } from '@/components/dashboard/dashboard-filters';
import { MunicipalitySection, PartnerSection } from '@/components/dashboard/dashboard-sections';
import { DataSubjectRequestLine } from '@/components/dashboard/data-subject-request-line';
import { KeyFigures, SignalTrend } from '@/components/dashboard/key-figures';
import { PageTitle } from '@/components/page-title';
import { requirePage } from '@/lib/access/pages';
import { TARGET_GROUPS } from '@/lib/cases/vocabulary';
import { municipalityChoices, partnerChoices } from '@/lib/choices/form-choices';
import { dataSubjectRequestFigures } from '@/lib/dashboard/data-subject-requests';
import { getDashboard } from '@/lib/dashboard/figures';
import { dashboardQuerySchema, type DashboardQuery } from '@/lib/dashboard/query';
import { getHouse } from '@/lib/house/house';
import { uiLocale } from '@/lib/i18n/ui-locale';
import { fieldErrorsOf } from '@/lib/validation/zod';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const day = (value: string) => new Date(`${value}T12:00:00Z`);

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePage('section.dashboard');
  const parsed = dashboardQuerySchema.safeParse(await searchParams);
  const query: DashboardQuery = parsed.success ? parsed.data : {};
  const queryError = parsed.success ? null : Object.values(fieldErrorsOf(parsed.error, await uiLocale())).flat().join(' ');
  const [t, tCases, format, locale, dashboard, house] = await Promise.all([
    getTranslations('dashboard'),
    getTranslations('cases'),
    getFormatter(),
    getLocale(),
    getDashboard(actor, query),
    getHouse(),
  ]);
  const [municipalities, organisations] = await Promise.all([municipalityChoices(house.safetyRegionCode), partnerChoices()]);
  const { scope } = dashboard;
  const requestFigures = await dataSubjectRequestFigures(actor, query);

  return (
    <>
      <PageTitle description={t('intro')}>{t('title')}</PageTitle>
      <DashboardFilters
        scope={scope}
        labels={{
          label: t('filters.label'),
          from: t('filters.from'),
          to: t('filters.to'),
          type: t('filters.type'),
          municipality: t('filters.municipality'),
          organisation: t('filters.organisation'),
          all: t('filters.all'),
          apply: t('filters.apply'),
          reset: t('filters.reset'),
        }}
        types={TARGET_GROUPS.map((g) => ({ value: g, label: tCases(`targetGroups.${g}`) }))}
        municipalities={municipalities.map((m) => ({ value: m.code, label: m.name }))}
        organisations={organisations.map((o) => ({ value: o.id, label: o.name }))}
      />
      {queryError ? (
        <p role="alert" className="mb-6 rounded border border-danger bg-danger-50 px-3 py-2 text-sm text-danger">
          {queryError}
        </p>
      ) : null}
      <p className="mb-4 text-sm text-muted" aria-live="polite">
        {t('periodLine', {
          from: format.dateTime(day(scope.from), { dateStyle: 'long' }),
          to: format.dateTime(day(scope.to), { dateStyle: 'long' }),
        })}
      </p>
      <KeyFigures dashboard={dashboard} />
      <SignalTrend signals={dashboard.signals} />
      <PartnerSection dashboard={dashboard} locale={locale} />
      <MunicipalitySection dashboard={dashboard} locale={locale} />
      <DataSubjectRequestLine figures={requestFigures} />
    </>
  );
}
