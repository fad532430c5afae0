import { AgreementsOverview } from '@/components/agreements/agreements-overview';
import { sectionMetadata } from '@/components/section-placeholder';
import { rolesFor } from '@/lib/access/navigation';
import { requireActor } from '@/lib/auth/actor';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => sectionMetadata('agreements');

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AgreementsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor(rolesFor('agreements'));
  return <AgreementsOverview actor={actor} mode="house" searchParams={await searchParams} />;
}
