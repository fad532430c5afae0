import { AgreementsOverview } from '@/components/agreements/agreements-overview';
import { StatusRoundPanel } from '@/components/meetings/status-round-panel';
import { sectionMetadata } from '@/components/section-placeholder';
import { rolesFor } from '@/lib/access/navigation';
import { requireActor } from '@/lib/auth/actor';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => sectionMetadata('myAgreements');

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MyAgreementsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor(rolesFor('myAgreements'));
  return <AgreementsOverview actor={actor} mode="partner" searchParams={await searchParams} aboveList={<StatusRoundPanel actor={actor} />} />;
}
