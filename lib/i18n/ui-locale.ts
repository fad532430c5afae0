import { cookies } from 'next/headers';
import { DEFAULT_LOCALE, LOCALE_COOKIE, toLocale, type Locale } from './locale';

/** The language of the pages this browser shows (its locale cookie), Dutch outside a request. */
export async function uiLocale(): Promise<Locale> {
  let jar: Awaited<ReturnType<typeof cookies>>;
  try {
    jar = await cookies();
  } catch {
    return DEFAULT_LOCALE; // not in a request (a script, a unit test without one)
  }
  return toLocale(jar.get(LOCALE_COOKIE)?.value);
}
