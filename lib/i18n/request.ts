import { getRequestConfig } from 'next-intl/server';
import { cookies } from 'next/headers';
import { LOCALE_COOKIE, toLocale } from './locale';

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const messages = (await import(`./messages/${locale}.json`)).default;
  // English in a Dutch house is British English: dates read 4 March 2026 and 04/03/2026, never 3/4/2026.
  return { locale: locale === 'en' ? 'en-GB' : locale, messages, timeZone: 'Europe/Amsterdam' };
});
