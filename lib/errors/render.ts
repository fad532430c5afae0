import { catalogues, type MessageKey } from './messages';

/** The languages a message is rendered in; Dutch is the house language and the default. */
export type ErrorLocale = 'nl' | 'en';
export type MessageParams = Record<string, string | number>;
export type { MessageKey };

/**
 * A message reference: the key alone, or the key with its parameters as a query string
 * (`cases.partnerAlreadyInvolved?name=Politie`). It is a plain string so it fits wherever a message
 * went before (zod's `message`, field errors); the edge renders it in the reader's language.
 */
export function msg(key: MessageKey, params?: MessageParams): string {
  if (!params) return key;
  const query = new URLSearchParams(Object.entries(params).map(([name, value]) => [name, String(value)]));
  return `${key}?${query}`;
}

const REF = /^([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)(?:\?([\s\S]*))?$/;

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(catalogues.nl, key);

/** The key and parameters of a reference, or undefined for plain text (a Dutch message of old). */
export function parseRef(text: string): { key: MessageKey; params: Record<string, string> } | undefined {
  const match = REF.exec(text);
  if (!match || !isMessageKey(match[1]!)) return undefined;
  return { key: match[1], params: Object.fromEntries(new URLSearchParams(match[2] ?? '')) };
}

/**
 * A reference in `locale`; a parameter that is itself a reference is rendered too. Plain text is
 * returned as it is, so an error thrown with a Dutch sentence still reaches the reader (in Dutch).
 */
export function render(text: string, locale: ErrorLocale = 'nl'): string {
  const ref = parseRef(text);
  if (!ref) return text;
  return catalogues[locale][ref.key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = ref.params[name];
    return value === undefined ? whole : render(value, locale);
  });
}

/** Messages per field, as forms and the API show them. */
export type FieldErrors = Record<string, string[]>;

export function renderFieldErrors(fieldErrors: FieldErrors, locale: ErrorLocale = 'nl'): FieldErrors {
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, list]) => [field, list.map((m) => render(m, locale))]));
}
