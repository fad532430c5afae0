import { getTranslations } from 'next-intl/server';
import { AgreementFilters } from '@/components/agreements/agreement-filters';
import { AgreementList } from '@/components/agreements/agreement-list';
import { AgreementsQueryProvider } from '@/components/agreements/query-provider';
import { asItems, searchOf } from '@/components/agreements/types';
import { PageTitle } from '@/components/page-title';
import { sectionMetadata } from '@/components/section-placeholder';
import { rolesFor } from '@/lib/access/navigation';
import { listAgreements } from '@/lib/agreements/list-agreements';
import { myAgreementsQuerySchema, type MyAgreementsQuery } from '@/lib/agreements/schemas';
import { requireActor } from '@/lib/auth/actor';
import { todayInAmsterdam } from '@/lib/cases/schemas';
import { fieldErrorsOf } from '@/lib/validation/zod';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => sectionMetadata('agreements');

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The house's agreements for regisseurs: every case, overdue first. */
export default async function AgreementsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor(rolesFor('agreements'));
  const parsed = myAgreementsQuerySchema.omit({ owner: true }).safeParse(await searchParams);
  const query: MyAgreementsQuery = parsed.success ? parsed.data : {};
  const queryError = parsed.success ? null : Object.values(fieldErrorsOf(parsed.error)).flat().join(' ');
  const [t, tNav, tEmpty, items] = await Promise.all([
    getTranslations('agreements'),
    getTranslations('nav'),
    getTranslations('empty'),
    listAgreements(actor, query),
  ]);
  const filtered = Object.values(query).some((v) => v !== undefined);
  return (
    <>
      <PageTitle description={t('houseIntro')}>{tNav('agreements')}</PageTitle>
      <AgreementFilters query={query} path="/agreements" withOwner={false} />
      {queryError ? (
        <p role="alert" className="mb-4 rounded border border-danger bg-danger-50 px-3 py-2 text-sm text-danger">
          {queryError}
        </p>
      ) : null}
      <AgreementsQueryProvider>
        <AgreementList
          initialItems={asItems(items)}
          search={searchOf(query)}
          today={todayInAmsterdam()}
          mode="house"
          currentUserId={actor.userId}
          emptyText={filtered ? t('emptyFiltered') : tEmpty('agreements')}
        />
      </AgreementsQueryProvider>
    </>
  );
}
