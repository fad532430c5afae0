import { SectionPlaceholder } from '@/components/section-placeholder';

export const dynamic = 'force-dynamic';

export default function Page() {
  return <SectionPlaceholder section="agreements" />;
}
