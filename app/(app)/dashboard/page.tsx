import { SectionPlaceholder, sectionMetadata } from '@/components/section-placeholder';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => sectionMetadata('dashboard');

export default function Page() {
  return <SectionPlaceholder section="dashboard" />;
}
