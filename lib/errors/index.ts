/**
 * The bottom layer: the one error type of the domain, with its codes and message keys. Imports nothing
 * from the project, so every layer may throw it; lib/http maps it to a response, lib/forms to a form
 * state, each in the reader's language.
 */
import { msg, render, renderFieldErrors, type ErrorLocale, type FieldErrors } from './render';

export { msg, render, renderFieldErrors, isMessageKey, parseRef } from './render';
export type { ErrorLocale, FieldErrors, MessageKey, MessageParams } from './render';

export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'VALIDATION'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE';

/** The HTTP status each code stands for; read at the edge (lib/http/respond.ts), kept beside the codes so none is missed. */
export const STATUS_OF: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

/**
 * The one error type of the domain: expected failures with a message for the user. `message` and the
 * field errors are references (`msg(key, params)`, see ./render.ts); `.message` and `.fieldErrors` hold
 * their Dutch rendering (for logs and old callers), `localized(locale)` the reader's. A plain Dutch
 * sentence still works: it is shown as it is in every language.
 */
export class AppError extends Error {
  /** The message as thrown: a reference, or plain text. */
  readonly ref: string;
  /** The field errors as thrown (references), kept to render them in another language. */
  readonly fieldErrorRefs?: FieldErrors;
  /** The field errors in Dutch. */
  readonly fieldErrors?: FieldErrors;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    fieldErrors?: FieldErrors,
  ) {
    super(render(message, 'nl'));
    this.name = 'AppError';
    this.ref = message;
    if (fieldErrors) {
      this.fieldErrorRefs = fieldErrors;
      this.fieldErrors = renderFieldErrors(fieldErrors, 'nl');
    }
  }

  /** The message and field errors in `locale`, as the edge answers them. */
  localized(locale: ErrorLocale): { message: string; fieldErrors?: FieldErrors } {
    const message = render(this.ref, locale);
    return this.fieldErrorRefs ? { message, fieldErrors: renderFieldErrors(this.fieldErrorRefs, locale) } : { message };
  }

  get status(): number {
    return STATUS_OF[this.code];
  }
}

/** What a 404 was about: callers test the kind, never the message (which is translated). */
export type NotFoundKind = 'case' | 'agreement' | 'meeting' | 'agenda-item' | 'signal' | 'admin' | 'resource';

/** The 404 of something that does not exist or that the actor may not know exists. */
export class NotFoundError extends AppError {
  constructor(
    readonly kind: NotFoundKind,
    message = msg('common.notFound'),
  ) {
    super('NOT_FOUND', message);
    this.name = 'NotFoundError';
  }
}

export const notFound = () => new NotFoundError('resource');
export const forbidden = () => new AppError('FORBIDDEN', msg('common.forbidden'));
export const conflict = () => new AppError('CONFLICT', msg('common.conflict'));
export const validation = (fieldErrors: FieldErrors, message = msg('common.checkFields')) =>
  new AppError('VALIDATION', message, fieldErrors);
