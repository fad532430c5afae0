import pino from 'pino';

/**
 * Secrets that may sit in a logged object by accident are censored by path. Query strings and bodies are
 * never logged at all: request lines carry the route template (`/api/v1/cases/[id]`), not the URL.
 */
export const REDACT_PATHS = [
  'cookie',
  'cookies',
  'authorization',
  'password',
  'newPassword',
  'currentPassword',
  'code',
  'codes',
  'recoveryCodes',
  'token',
  'secret',
  '*.cookie',
  '*.cookies',
  '*.authorization',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.code',
  '*.codes',
  '*.recoveryCodes',
  '*.token',
  '*.secret',
  'headers.cookie',
  'headers.authorization',
  'req.headers.cookie',
  'req.headers.authorization',
];

/**
 * One JSON line per event on stdout, written synchronously through process.stdout (so a crash loses no
 * line, and a test can read the lines by watching process.stdout.write). Personal data never goes in:
 * messages carry counts, kinds and codes (lib/http/log-safe.ts#describeError).
 */
export function createLogger(write: (line: string) => void = (line) => void process.stdout.write(line)) {
  return pino(
    {
      level: 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    { write },
  );
}

type Logger = ReturnType<typeof createLogger>;
const holder = globalThis as { __casusregieLog?: Logger };

/** The process's logger (one across hot reloads). */
export const log: Logger = (holder.__casusregieLog ??= createLogger());
