/** Methods no browser or script of this app uses, which Next cannot even turn into a Request (a bare 500). */
const REFUSED_METHODS = new Set(['TRACE', 'TRACK', 'CONNECT']);

export const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';

export interface RawRefusal {
  status: 400 | 405;
  message: string;
  headers: Record<string, string>;
}

const refusal = (status: RawRefusal['status'], message: string, headers: Record<string, string> = {}): RawRefusal => ({
  status,
  message,
  headers,
});

/**
 * Why a request must be answered before Next sees it, or null: a TRACE (405), a path whose percent-encoding
 * does not decode (`/cases/%ZZ`), or a NUL character anywhere in the address (400). Next answers these
 * with a bare 500; `target` is the request line's target as received (path and query, still encoded).
 */
export function rawRequestRefusal(method: string | undefined, target: string | undefined): RawRefusal | null {
  if (REFUSED_METHODS.has((method ?? '').toUpperCase())) {
    return refusal(405, 'Deze methode wordt niet ondersteund.', { Allow: ALLOWED_METHODS });
  }
  const raw = target ?? '/';
  if (/%00/i.test(raw) || raw.includes('\u0000')) return refusal(400, 'Ongeldige tekens in het adres (NUL-teken).');
  const path = raw.split('?')[0]!;
  try {
    decodeURIComponent(path);
  } catch {
    return refusal(400, 'Ongeldig adres.');
  }
  return null;
}

/** The refusal as a small Dutch JSON answer, with the headers every answer of the app carries. */
export function rawRefusalResponse(refusal: RawRefusal): { status: number; headers: Record<string, string>; body: string } {
  return {
    status: refusal.status,
    headers: {
      ...refusal.headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    },
    body: JSON.stringify({ error: refusal.message }),
  };
}
