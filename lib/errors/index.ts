/**
 * The bottom layer: the one error type of the domain, with its codes. Imports nothing from the project, so
 * every layer may throw it; lib/http maps it to a response, lib/forms to a form state.
 */

/** Messages per field, as forms and the API show them. */
export type FieldErrors = Record<string, string[]>;


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

/** The one error type of the domain: expected failures with a Dutch message for the user. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = 'AppError';
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
    message = 'Niet gevonden.',
  ) {
    super('NOT_FOUND', message);
    this.name = 'NotFoundError';
  }
}

export const notFound = () => new NotFoundError('resource');
export const forbidden = () => new AppError('FORBIDDEN', 'Je hebt geen toestemming voor deze actie.');
export const conflict = () =>
  new AppError('CONFLICT', 'Iemand anders heeft dit intussen gewijzigd. Herlaad de pagina en probeer het opnieuw.');
export const validation = (fieldErrors: FieldErrors, message = 'Controleer de gemarkeerde velden.') =>
  new AppError('VALIDATION', message, fieldErrors);
