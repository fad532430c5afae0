import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { databaseFault } from '@/db/faults';
import { AppError, msg, render, type ErrorLocale } from '@/lib/errors';
import { uiLocale } from '@/lib/i18n/ui-locale';
import { logUnexpected } from '@/lib/http/log-safe';
import { getOwn, setOwn } from '@/lib/validation/own-property';
import { DATE_FIELDS_KEY, typedDateToIso } from './typed-date';
import { fieldErrorsOf, type FieldErrors } from '@/lib/validation/zod';

/** What a server action answers a form: success, or a message with field errors and the values sent. */
export interface ActionState {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  /** What a successful action hands back to show once (e.g. an invitation link); never stored by the form. */
  data?: Record<string, string>;
  /** Changes on every answer, so the form re-renders with the values sent. */
  nonce: number;
}

/** A server action as a form or button posts to it; passed down so one component serves several screens. */
export type FormAction = (state: ActionState | null, formData: FormData) => Promise<ActionState>;

/** FormData with dotted names ("subject.name") as a nested object; "true"/"false" become booleans. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const dates = dateFields(formData);
  for (const [key, raw] of formData.entries()) {
    if (key.startsWith('$ACTION') || key === DATE_FIELDS_KEY || typeof raw !== 'string') continue;
    const value = dates.has(key) ? (typedDateToIso(raw) ?? raw) : raw === 'true' ? true : raw === 'false' ? false : raw;
    const path = key.split('.');
    let node = out;
    for (const part of path.slice(0, -1)) {
      const inner = getOwn(node, part);
      node = (inner !== null && typeof inner === 'object' ? inner : setOwn(node, part, {})) as Record<string, unknown>;
    }
    setOwn(node, path.at(-1)!, value);
  }
  return out;
}

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, raw] of formData.entries()) if (typeof raw === 'string' && !key.startsWith('$')) setOwn(values, key, raw);
  return values;
}

const dateFields = (formData: FormData) => new Set(formData.getAll(DATE_FIELDS_KEY).filter((v): v is string => typeof v === 'string'));

/** A date field whose text is no date at all gets one message saying how to type it, not the schema's ISO wording. */
function withTypedDateMessages(formData: FormData, fieldErrors: FieldErrors, locale: ErrorLocale): FieldErrors {
  for (const name of dateFields(formData)) {
    const typed = formData.get(name);
    if (getOwn(fieldErrors, name) && typeof typed === 'string' && typed.trim() !== '' && typedDateToIso(typed) === null) {
      setOwn(fieldErrors, name, [render(msg('common.typedDate'), locale)]);
    }
  }
  return fieldErrors;
}

export const unexpectedFailure = (reference: string, locale: ErrorLocale = 'nl') => render(msg('http.unexpectedForm', { reference }), locale);

/** The database was away or too busy (db/faults.ts): nothing wrong with what was typed, try again soon. */
export const databaseAway = (reference: string, locale: ErrorLocale = 'nl') => render(msg('http.databaseAwayForm', { reference }), locale);

/**
 * The answer of a server action to a browser whose session is gone, in the page's language; `values`
 * keeps what was typed when the form can show it again.
 */
export async function signedOut(key: 'http.notSignedIn' | 'http.sessionExpired' = 'http.notSignedIn', values?: Record<string, string>): Promise<ActionState> {
  const message = render(msg(key), await uiLocale());
  return values ? { ok: false, message, values, nonce: Date.now() } : { ok: false, message, nonce: 0 };
}

/**
 * Parses a form with `schema`, runs `work`, and turns expected failures into an answer for the form.
 * An unexpected error (say, the database refused) is logged like the API logs it, a correlation id with
 * kind and code but never the message (a failed query's message holds the values typed), and the form
 * keeps what was typed and shows the id. Next's own redirects and not-found are passed on. Messages are
 * in the language of the page (the locale cookie).
 */
export async function handleForm<S extends z.ZodType, R>(
  formData: FormData,
  schema: S,
  work: (input: z.infer<S>) => Promise<R>,
  prepare: (raw: Record<string, unknown>) => unknown = (raw) => raw,
): Promise<{ state: ActionState; result?: R }> {
  const nonce = Date.now();
  const values = formValues(formData);
  const locale = await uiLocale();
  const parsed = schema.safeParse(prepare(formDataToObject(formData)));
  if (!parsed.success) {
    const fieldErrors = withTypedDateMessages(formData, fieldErrorsOf(parsed.error, locale), locale);
    return { state: { ok: false, message: render(msg('common.checkFields'), locale), fieldErrors, values, nonce } };
  }
  try {
    return { state: { ok: true, nonce }, result: await work(parsed.data) };
  } catch (error) {
    if (error instanceof AppError) {
      const { message, fieldErrors } = error.localized(locale);
      return { state: { ok: false, message, fieldErrors, values, nonce } };
    }
    unstable_rethrow(error);
    const reference = logUnexpected('action', error);
    const message = databaseFault(error) ? databaseAway(reference, locale) : unexpectedFailure(reference, locale);
    return { state: { ok: false, message, values, nonce } };
  }
}
