import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageTitle } from '@/components/page-title';
import { NAVIGATION, SECTION_PATHS } from '@/lib/access/navigation';
import { requirePage } from '@/lib/access/pages';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const actor = await requirePage();
  const [t, tNav] = await Promise.all([getTranslations('home'), getTranslations('nav')]);
  return (
    <>
      <PageTitle description={t(`intro.${actor.role}`, { organisation: actor.organisationName })}>
        {t('greeting', { name: actor.name })}
      </PageTitle>
      <h2 className="mb-3 text-lg font-semibold">{t('sectionsTitle')}</h2>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {NAVIGATION[actor.role].map((section) => (
          <li key={section}>
            <Link
              href={SECTION_PATHS[section]}
              className="block h-full rounded-lg border border-line bg-white p-5 shadow-sm transition hover:border-brand-600 hover:shadow"
            >
              <span className="block font-semibold text-brand-800">{tNav(section)}</span>
              <span className="mt-1 block text-sm text-muted">{t(`sections.${section}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
