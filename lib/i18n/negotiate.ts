import { LOCALES, type Locale } from './locale';

/**
 * The first language of an `Accept-Language` header (by quality, then order) that the app speaks, or
 * undefined when it names none: `en-GB,en;q=0.9,nl;q=0.8` → en, `de-DE` → undefined.
 */
export function acceptedLocale(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, order) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { language: range.trim().toLowerCase().split('-')[0]!, q: q === undefined ? 1 : Number(q), order };
    })
    .filter((entry) => entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked.map((entry) => entry.language).find((language): language is Locale => (LOCALES as readonly string[]).includes(language));
}

/**
 * The language an API answer is written in: what the request asks for (`Accept-Language`; the app's own
 * pages send the language of the page), else the signed-in user's setting, else Dutch. The header comes
 * first because the setting always has a value (Dutch unless changed): otherwise a client could never ask.
 */
export function apiLocale(request: Request, userLocale?: string | null): Locale {
  return acceptedLocale(request.headers.get('accept-language')) ?? (userLocale === 'en' ? 'en' : 'nl');
}
