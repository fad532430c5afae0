export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';
export const LOCALE_COOKIE = 'casusregie.locale';

/** The app's language of a cookie or of next-intl's locale (English pages run as en-GB, lib/i18n/request.ts). */
export function toLocale(value: string | undefined | null): Locale {
  return value === 'en' || value === 'en-GB' ? 'en' : DEFAULT_LOCALE;
}
