import { getTranslations } from 'next-intl/server';
import { AppHeader } from '@/components/app-header';
import { NavLinks } from '@/components/nav-links';
import { SessionGuard } from '@/components/session/session-guard';
import { NAVIGATION, SECTION_PATHS } from '@/lib/access/navigation';
import { requireActor } from '@/lib/auth/actor';
import { getHouse } from '@/lib/house/house';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const [house, t, tNav] = await Promise.all([getHouse(), getTranslations('app'), getTranslations('nav')]);
  const items = NAVIGATION[actor.role].map((section) => ({ href: SECTION_PATHS[section], label: tNav(section) }));
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-ink"
      >
        {t('skipToContent')}
      </a>
      <AppHeader actor={actor} houseName={house.name} />
      <NavLinks items={items} label={t('mainNavigation')} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <SessionGuard email={actor.email}>{children}</SessionGuard>
      </main>
    </>
  );
}
