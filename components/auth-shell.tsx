import { getTranslations } from 'next-intl/server';
import { LocaleSwitch } from '@/components/locale-switch';
import { getHouse } from '@/lib/house/house';

/** The frame of the sign-in pages (password, code, setting up the app): no navigation, one card. */
export async function AuthShell({ title, intro, children, wide = false }: { title: string; intro?: string; children: React.ReactNode; wide?: boolean }) {
  const [t, tApp, house] = await Promise.all([getTranslations('login'), getTranslations('app'), getHouse()]);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-900 text-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3 sm:px-6">
          <div className="leading-tight">
            <span className="block text-lg font-semibold">{tApp('name')}</span>
            <span className="block text-sm text-brand-100">{house.name}</span>
          </div>
          <LocaleSwitch />
        </div>
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 py-12">
        <div className={`w-full ${wide ? 'max-w-xl' : 'max-w-md'} rounded-lg border border-line bg-white p-8 shadow-sm`}>
          <h1 className="text-2xl font-semibold">{title}</h1>
          {intro ? <p className="mb-6 mt-1 text-muted">{intro}</p> : <div className="mb-6" />}
          {children}
          <p className="mt-6 border-t border-line pt-4 text-xs text-muted">{t('privacy')}</p>
        </div>
      </main>
    </div>
  );
}
