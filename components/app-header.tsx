import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/actor';
import { HeaderMenu } from './header-menu';
import { LocaleSwitch } from './locale-switch';
import { NotificationsLink } from './notifications/notifications-link';
import { SignOutButton } from './sign-out-button';

export async function AppHeader({ actor, houseName }: { actor: Actor; houseName: string }) {
  const [t, tRoles, tForms] = await Promise.all([getTranslations('app'), getTranslations('roles'), getTranslations('forms')]);
  return (
    <header className="bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-2 sm:py-3 sm:px-6">
        <Link href="/" className="flex min-w-0 flex-1 flex-col leading-tight sm:flex-none">
          <span className="text-lg font-semibold tracking-tight">{t('name')}</span>
          <span className="truncate text-xs text-brand-100 sm:text-sm">{houseName}</span>
        </Link>
        <div className="ml-auto flex flex-wrap items-center justify-end gap-x-4 gap-y-2 max-sm:contents">
          <NotificationsLink actor={actor} />
          <HeaderMenu label={tForms('menu')}>
            <div className="text-sm leading-tight sm:text-right" data-testid="current-user">
              <span className="sr-only">{t('signedInAs')} </span>
              <span className="block font-medium">{actor.name}</span>
              <span className="block text-brand-100">
                {actor.organisationName} · {tRoles(actor.role)}
              </span>
            </div>
            <Link href="/account" className="text-sm font-medium underline-offset-2 hover:underline">
              {t('account')}
            </Link>
            <LocaleSwitch />
            <SignOutButton label={t('signOut')} />
          </HeaderMenu>
        </div>
      </div>
    </header>
  );
}
