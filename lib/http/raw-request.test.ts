import { describe, expect, it } from 'vitest';
import { rawRefusalResponse, rawRequestRefusal } from './raw-request';

describe('requests answered before Next sees them', () => {
  it('refuses TRACE (and its kin) with 405 and the methods that are allowed', () => {
    for (const method of ['TRACE', 'trace', 'TRACK', 'CONNECT']) {
      expect(rawRequestRefusal(method, '/')).toMatchObject({ status: 405, headers: { Allow: expect.stringContaining('GET') } });
    }
  });

  it('refuses a path whose percent-encoding does not decode, and a NUL anywhere in the address', () => {
    expect(rawRequestRefusal('GET', '/cases/%ZZ')).toMatchObject({ status: 400, message: 'Ongeldig adres.' });
    expect(rawRequestRefusal('GET', '/cases/%E0%A4%A')).toMatchObject({ status: 400 });
    expect(rawRequestRefusal('GET', '/api/v1/cases?q=a%00b')).toMatchObject({ status: 400, message: 'Ongeldige tekens in het adres (NUL-teken).' });
    expect(rawRequestRefusal('GET', '/cases/%00')).toMatchObject({ status: 400 });
  });

  it('lets ordinary addresses through, including odd but valid queries', () => {
    for (const target of ['/', '/cases/2b1c9f9e-7f43-4a5e-9b1e-1d2c3b4a5f6e', '/login?callbackUrl=%2F%09%2Fevil', '/cases?q=%ZZ', '/cases?q=%2500', '/cases?q=de%20Vries']) {
      expect(rawRequestRefusal('GET', target), target).toBeNull();
    }
    expect(rawRequestRefusal('POST', '/api/v1/cases')).toBeNull();
  });

  it('answers in Dutch JSON that is never cached or sniffed', () => {
    const { status, headers, body } = rawRefusalResponse(rawRequestRefusal('TRACE', '/')!);
    expect(status).toBe(405);
    expect(headers).toMatchObject({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    expect(JSON.parse(body)).toEqual({ error: 'Deze methode wordt niet ondersteund.' });
  });
});
