import type { z } from 'zod';
import { AppError, msg } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON body within a size limit and parses it with `schema`; throws AppError on any fault. */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes = DEFAULT_MAX_BODY_BYTES,
): Promise<z.infer<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', msg('http.sendJson'));
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readLimited(request, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', msg('http.invalidJson'));
  }
  return parseOrThrow(schema, body);
}

function tooLarge(maxBytes: number) {
  return new AppError('PAYLOAD_TOO_LARGE', msg('http.tooLarge', { kb: Math.floor(maxBytes / 1024) }));
}

// A missing or false Content-Length must not let a client stream an unbounded body into memory.
async function readLimited(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
