import { afterEach, describe, expect, it } from 'vitest';
import { queryObject } from '@/lib/api/cases';
import { formDataToObject, handleForm } from '@/lib/forms/action-state';
import { AppError, render } from '@/lib/errors';
import { readJson } from '@/lib/http/read-json';
import { parseOrThrow } from './parse';
import { fieldErrorsOf, NUL_MESSAGE, NUMBER_RANGE_MESSAGE, UNKNOWN_FIELD_MESSAGE, z } from './zod';

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];

const strict = z.strictObject({ note: z.string().trim().min(1).max(2000).optional(), version: z.number().int().optional() });

function failureOf(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function jsonRequest(body: string) {
  return new Request('http://localhost/api/v1/x', { method: 'PATCH', body, headers: { 'content-type': 'application/json' } });
}

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

afterEach(() => {
  // A failed assertion below must not leave a polluted prototype behind for the next test.
  for (const key of ['polluted', 'x']) delete (Object.prototype as Record<string, unknown>)[key];
});

describe('keys named after what every object inherits', () => {
  it.each(PROTOTYPE_KEYS)('"%s" in a JSON body is an unknown field (422), not a crash', async (key) => {
    const error = await readJson(jsonRequest(`{"${key}":{"x":1},"note":"ok"}`), strict).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 422, fieldErrors: { [key]: [render(UNKNOWN_FIELD_MESSAGE)] } });
    // The answer's JSON names the field as it came in.
    expect(JSON.parse(JSON.stringify((error as AppError).fieldErrors))).toEqual({ [key]: [render(UNKNOWN_FIELD_MESSAGE)] });
  });

  it('reports several such fields and an ordinary error side by side', () => {
    const schema = z.strictObject({ version: z.number() });
    const parsed = schema.safeParse(JSON.parse('{"constructor":1,"toString":2,"version":"x"}'));
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsOf(parsed.error!);
    expect(Object.keys(errors).sort()).toEqual(['constructor', 'toString', 'version']);
  });

  it.each(PROTOTYPE_KEYS)('"%s" in a query string is an unknown field, and never the prototype of what is parsed', (key) => {
    const query = queryObject(new URLSearchParams(`${key}=1&${key}=2&note=a`));
    expect(Object.getPrototypeOf(query)).toBe(Object.prototype);
    expect(Object.hasOwn(query, key)).toBe(true);
    expect(failureOf(() => parseOrThrow(strict, query))).toMatchObject({ status: 422, fieldErrors: { [key]: [render(UNKNOWN_FIELD_MESSAGE)] } });
  });

  it('a single "__proto__" in a query string is no longer dropped silently', () => {
    expect(failureOf(() => parseOrThrow(strict, queryObject(new URLSearchParams('__proto__=x'))))).toMatchObject({
      fieldErrors: { __proto__: [render(UNKNOWN_FIELD_MESSAGE)] },
    });
  });

  it('form fields named through the prototype pollute nothing and are refused as unknown', async () => {
    const posted = form([
      ['__proto__.polluted', 'yes'],
      ['constructor.prototype.x', 'yes'],
      ['note.__proto__.polluted', 'yes'],
      ['version', '3'],
    ]);
    const raw = formDataToObject(posted);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect((Object as unknown as Record<string, unknown>).prototype).toBe(Object.prototype);
    expect(Object.keys(raw).sort()).toEqual(['__proto__', 'constructor', 'note', 'version']);

    let ran = false;
    const { state } = await handleForm(posted, strict, async () => {
      ran = true;
    });
    expect(ran).toBe(false);
    expect(state.ok).toBe(false);
    expect(state.fieldErrors).toMatchObject({ __proto__: [render(UNKNOWN_FIELD_MESSAGE)], constructor: [render(UNKNOWN_FIELD_MESSAGE)] });
    expect(state.values).toMatchObject({ version: '3' });
  });

  it('a form field that is both a value and a group does not crash', () => {
    expect(formDataToObject(form([['subject', 'x'], ['subject.name', 'A']]))).toEqual({ subject: { name: 'A' } });
  });
});

describe('a NUL character in any text', () => {
  it('is refused by every z.string() of the app, with a Dutch message, before trimming and other checks', () => {
    for (const schema of [z.string(), z.string().trim().min(1).max(10), z.string().optional(), z.string({ message: 'Vul iets in.' })]) {
      const parsed = schema.safeParse('a\u0000b');
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues.map((i) => i.message)).toEqual([NUL_MESSAGE]);
    }
    expect(z.string().trim().safeParse(' gewoon ').data).toBe('gewoon');
  });

  it('in a JSON body, a nested field or a query string is a 422 on that field', async () => {
    const nested = z.strictObject({ subject: z.strictObject({ name: z.string() }), note: z.string().optional() });
    const error = await readJson(jsonRequest('{"subject":{"name":"Jan\\u0000de Vries"},"note":"x"}'), nested).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, fieldErrors: { 'subject.name': [render(NUL_MESSAGE)] } });
    const query = queryObject(new URL('http://x/api/v1/cases?note=a%00b').searchParams);
    expect(failureOf(() => parseOrThrow(strict, query))).toMatchObject({ status: 422, fieldErrors: { note: [render(NUL_MESSAGE)] } });
  });

  it('in a form is a field error, and the work is not done', async () => {
    let ran = false;
    const { state } = await handleForm(form([['note', 'voortgang\u0000']]), strict, async () => {
      ran = true;
    });
    expect(ran).toBe(false);
    expect(state.fieldErrors).toEqual({ note: [render(NUL_MESSAGE)] });
  });
});

describe('a number past what the database stores', () => {
  it('is a 422 on that field, in JSON and in forms', () => {
    const schema = z.strictObject({ version: z.number().int().positive(), page: z.coerce.number().int().min(1).optional() });
    expect(failureOf(() => parseOrThrow(schema, { version: 2147483648 }))).toMatchObject({
      status: 422,
      fieldErrors: { version: [render(NUMBER_RANGE_MESSAGE)] },
    });
    expect(failureOf(() => parseOrThrow(schema, { version: 1, page: '99999999999999999999' }))).toMatchObject({
      fieldErrors: { page: [render(NUMBER_RANGE_MESSAGE)] },
    });
    expect(parseOrThrow(schema, { version: 2147483647, page: '3' })).toEqual({ version: 2147483647, page: 3 });
  });
});
