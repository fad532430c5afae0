import { SectionPlaceholder, sectionMetadata } from '@/components/section-placeholder';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => sectionMetadata('meetings');

export default function Page() {
  return <SectionPlaceholder section="meetings" />;
}
