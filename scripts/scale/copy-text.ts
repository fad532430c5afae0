/**
 * Rows in PostgreSQL's COPY text format: tab between fields, \N for null, and backslash escapes for the
 * characters that would break a line or a field.
 */
export type CopyValue = string | number | boolean | Date | null | undefined | readonly string[];

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function escapeText(value: string): string {
  // Most fields (ids, timestamps, enum values) need no escaping: test before building a new string.
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** A text[] literal: every element quoted, so commas, braces and spaces stay inside their element. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeText(arrayLiteral(value));
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return escapeText(String(value));
}

/** Collects rows of one table; `text` is what COPY reads. */
export class CopyBuffer {
  private parts: string[] = [];

  constructor(readonly table: string, readonly columns: readonly string[]) {}

  add(values: readonly CopyValue[]): void {
    this.parts.push(values.map(copyField).join('\t'));
  }

  get pending(): number {
    return this.parts.length;
  }

  take(): string {
    const text = this.parts.length ? `${this.parts.join('\n')}\n` : '';
    this.parts = [];
    return text;
  }
}
