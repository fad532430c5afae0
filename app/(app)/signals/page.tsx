import { SectionPlaceholder, sectionMetadata } from '@/components/section-placeholder';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => sectionMetadata('signals');

export default function Page() {
  return <SectionPlaceholder section="signals" />;
}
