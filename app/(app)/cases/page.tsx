import { SectionPlaceholder, sectionMetadata } from '@/components/section-placeholder';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => sectionMetadata('cases');

export default function Page() {
  return <SectionPlaceholder section="cases" />;
}
