import { vi } from 'vitest';

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
type Level = (typeof LEVELS)[number];
export type LogEntry = { level: Level; msg?: string } & Record<string, unknown>;

/**
 * For tests: catches the JSON lines the logger writes to stdout (from `minLevel` up) while the spy holds
 * (vi.restoreAllMocks ends it). Other output passes through. `messages()` are the lines' texts, one a
 * line, as an operator reads them; `raw()` is everything written, every field, to look for a canary in.
 */
export function captureLog(minLevel: Level = 'info') {
  const entries: LogEntry[] = [];
  const written: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
    const text = String(chunk);
    let entry: LogEntry | undefined;
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed && typeof parsed === 'object' && 'level' in parsed && 'time' in parsed) entry = parsed as LogEntry;
    } catch {
      // not a log line
    }
    if (!entry) return write(chunk, ...rest);
    if (LEVELS.indexOf(entry.level) >= LEVELS.indexOf(minLevel)) {
      entries.push(entry);
      written.push(text);
    }
    return true;
  }) as typeof process.stdout.write);
  return {
    entries,
    messages: () => entries.map((entry) => entry.msg ?? '').join('\n'),
    raw: () => written.join(''),
  };
}
