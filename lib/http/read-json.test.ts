import { describe, expect, it } from 'vitest';
import { z } from '@/lib/validation/zod';
import { AppError } from '@/lib/errors';
import { readJson } from './read-json';

const schema = z.strictObject({ name: z.string().min(2), version: z.number().int() });

function request(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return new Request('http://localhost/api/v1/x', { method: 'PATCH', body, headers });
}

async function failure(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, message: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
  throw new Error('expected a failure');
}

describe('readJson', () => {
  it('returns the parsed body', async () => {
    expect(await readJson(request('{"name":"Ab","version":3}'), schema)).toEqual({ name: 'Ab', version: 3 });
  });

  it('answers 400 for JSON that does not parse', async () => {
    expect(await failure(readJson(request('{"name":'), schema))).toMatchObject({
      status: 400,
      message: 'De inhoud is geen geldige JSON.',
    });
  });

  it('answers 422 with Dutch field errors for wrong types and unknown fields', async () => {
    const result = await failure(readJson(request('{"name":5,"version":"1","admin":true}'), schema));
    expect(result.status).toBe(422);
    expect(result.fieldErrors).toEqual({
      name: ['Ongeldige invoer: verwacht string, ontving getal'],
      version: ['Ongeldige invoer: verwacht getal, ontving string'],
      admin: ['Onbekend veld.'],
    });
  });

  it('answers 413 for a body over the limit, even without a Content-Length', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(70_000), version: 1 });
    expect((await failure(readJson(request(big), schema))).status).toBe(413);
    const stream = new Request('http://localhost/x', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(8192)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect((await failure(readJson(stream, schema))).status).toBe(413);
  });

  it('answers 415 for a body that is not JSON', async () => {
    expect((await failure(readJson(request('name=x', { 'content-type': 'text/plain' }), schema))).status).toBe(415);
  });
});
