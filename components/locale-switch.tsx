import { getLocale, getTranslations } from 'next-intl/server';
import { switchLocale } from '@/app/locale-action';

export async function LocaleSwitch({ className = '' }: { className?: string }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('app')]);
  const other = locale === 'nl' ? 'en' : 'nl';
  return (
    <form action={switchLocale} className={className}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        aria-label={t('switchToLabel')}
        className="rounded px-2 py-1 text-sm underline-offset-2 hover:underline"
      >
        {t('switchTo')}
      </button>
    </form>
  );
}
