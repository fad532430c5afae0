import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { LocaleSwitch } from '@/components/locale-switch';
import { LoginForm } from '@/components/login-form';
import { getActor } from '@/lib/auth/actor';
import { safeCallbackPath } from '@/lib/auth/sign-in-schema';
import { getHouse } from '@/lib/house/house';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('login'))('title') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined);
  if (await getActor()) redirect(callbackUrl);
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
        <div className="w-full max-w-md rounded-lg border border-line bg-white p-8 shadow-sm">
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <p className="mb-6 mt-1 text-muted">{t('intro')}</p>
          <LoginForm callbackUrl={callbackUrl} />
          <p className="mt-6 border-t border-line pt-4 text-xs text-muted">{t('privacy')}</p>
        </div>
      </main>
    </div>
  );
}
