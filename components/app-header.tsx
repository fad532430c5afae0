import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/actor';
import { LocaleSwitch } from './locale-switch';
import { NotificationsLink } from './notifications/notifications-link';
import { SignOutButton } from './sign-out-button';

export async function AppHeader({ actor, houseName }: { actor: Actor; houseName: string }) {
  const [t, tRoles] = await Promise.all([getTranslations('app'), getTranslations('roles')]);
  return (
    <header className="bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href="/" className="flex flex-col leading-tight">
          <span className="text-lg font-semibold tracking-tight">{t('name')}</span>
          <span className="text-sm text-brand-100">{houseName}</span>
        </Link>
        <div className="ml-auto flex flex-wrap items-center justify-end gap-4">
          <div className="text-right text-sm leading-tight" data-testid="current-user">
            <span className="sr-only">{t('signedInAs')} </span>
            <span className="block font-medium">{actor.name}</span>
            <span className="block text-brand-100">
              {actor.organisationName} · {tRoles(actor.role)}
            </span>
          </div>
          <NotificationsLink actor={actor} />
          <Link href="/account" className="text-sm font-medium underline-offset-2 hover:underline">
            {t('account')}
          </Link>
          <LocaleSwitch />
          <SignOutButton label={t('signOut')} />
        </div>
      </div>
    </header>
  );
}
