import { SectionPlaceholder, sectionMetadata } from '@/components/section-placeholder';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => sectionMetadata('agreements');

export default function Page() {
  return <SectionPlaceholder section="agreements" />;
}
