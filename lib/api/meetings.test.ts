import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { baseUrlOf, feedParamsFrom, meetingIdFrom, parseMeetingListQuery } from './meetings';

const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const USER = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const TOKEN = 'Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6';

describe('meeting route parameters', () => {
  it('turn anything but a UUID into a 404', async () => {
    expect(await meetingIdFrom(params({ id: USER }))).toBe(USER);
    await expect(meetingIdFrom(params({ id: '42' }))).rejects.toMatchObject({ code: 'NOT_FOUND' } satisfies Partial<AppError>);
  });

  it('read the feed token without its .ics extension, and refuse what cannot be a feed', async () => {
    expect(await feedParamsFrom(params({ userId: USER, token: `${TOKEN}.ics` }))).toEqual({ userId: USER, token: TOKEN });
    expect(await feedParamsFrom(params({ userId: USER, token: TOKEN }))).toBeNull();
    expect(await feedParamsFrom(params({ userId: 'x', token: `${TOKEN}.ics` }))).toBeNull();
    expect(await feedParamsFrom(params({ userId: USER, token: 'a/b.ics' }))).toBeNull();
  });

  it('parse the list period, with a Dutch 422 for a wrong one', () => {
    expect(parseMeetingListQuery(new Request('http://x/api/v1/meetings'))).toEqual({ period: 'upcoming' });
    expect(parseMeetingListQuery(new Request('http://x/api/v1/meetings?period=past'))).toEqual({ period: 'past' });
    expect(() => parseMeetingListQuery(new Request('http://x/api/v1/meetings?period=later'))).toThrow(AppError);
  });

  it('point calendar links at NEXTAUTH_URL, else the request origin; X-Forwarded-Host only behind a trusted proxy', () => {
    const proxied = (host: string) =>
      new Request('http://app:3000/api/v1/meetings/x/ics', { headers: { 'x-forwarded-host': host, 'x-forwarded-proto': 'https' } });
    expect(baseUrlOf(proxied('evil.example'), { appUrl: 'https://casus.example.nl/', trustedProxies: 1 })).toBe('https://casus.example.nl');
    expect(baseUrlOf(proxied('evil.example'), { trustedProxies: 0 })).toBe('http://app:3000');
    expect(baseUrlOf(proxied('casus.example.nl'), { trustedProxies: 1 })).toBe('https://casus.example.nl');
    expect(baseUrlOf(new Request('http://127.0.0.1:3100/api/v1/meetings/x/ics'), { trustedProxies: 0 })).toBe('http://127.0.0.1:3100');
  });
});
