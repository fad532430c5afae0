import { AgreementsOverview } from '@/components/agreements/agreements-overview';
import { sectionMetadata } from '@/components/section-placeholder';
import { requirePage } from '@/lib/access/pages';
import { moreAgreementsAction } from '@/app/(app)/agreements/more-action';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => sectionMetadata('agreements');

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AgreementsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePage('section.agreements');
  return <AgreementsOverview actor={actor} mode="house" searchParams={await searchParams} loadMore={moreAgreementsAction} />;
}
