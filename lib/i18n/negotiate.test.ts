import { describe, expect, it } from 'vitest';
import { acceptedLocale, apiLocale } from './negotiate';

const request = (acceptLanguage?: string) =>
  new Request('http://localhost/api/v1/cases', acceptLanguage === undefined ? {} : { headers: { 'accept-language': acceptLanguage } });

describe('the language of an API answer', () => {
  it('is the first language of Accept-Language the app speaks, by quality and then order', () => {
    expect(acceptedLocale('en-GB,en;q=0.9,nl;q=0.8')).toBe('en');
    expect(acceptedLocale('nl-BE, en;q=0.5')).toBe('nl');
    expect(acceptedLocale('de-DE, en;q=0.3, nl;q=0.7')).toBe('nl');
    expect(acceptedLocale('EN')).toBe('en');
    expect(acceptedLocale('en;q=0, nl;q=0.1')).toBe('nl');
    expect(acceptedLocale('de-DE, fr')).toBeUndefined();
    expect(acceptedLocale('*')).toBeUndefined();
    expect(acceptedLocale('')).toBeUndefined();
  });

  it('falls back to the user’s setting, then Dutch', () => {
    expect(apiLocale(request('en'), 'nl')).toBe('en');
    expect(apiLocale(request('nl'), 'en')).toBe('nl');
    expect(apiLocale(request('de'), 'en')).toBe('en');
    expect(apiLocale(request(), 'en')).toBe('en');
    expect(apiLocale(request(), null)).toBe('nl');
    expect(apiLocale(request('fr'))).toBe('nl');
  });
});
