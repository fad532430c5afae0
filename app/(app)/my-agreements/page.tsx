import { AgreementsOverview } from '@/components/agreements/agreements-overview';
import { StatusRoundPanel } from '@/components/meetings/status-round-panel';
import { sectionMetadata } from '@/components/section-placeholder';
import { requirePage } from '@/lib/access/pages';
import { moreAgreementsAction } from '@/app/(app)/agreements/more-action';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => sectionMetadata('myAgreements');

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MyAgreementsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePage('section.myAgreements');
  return <AgreementsOverview actor={actor} mode="partner" searchParams={await searchParams} aboveList={<StatusRoundPanel actor={actor} />} loadMore={moreAgreementsAction} />;
}
