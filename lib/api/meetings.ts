import { env } from '@/lib/env';
import { AppError, msg } from '@/lib/errors';
import { meetingIdSchema } from '@/lib/meetings/schemas';
import { z } from '@/lib/validation/zod';
import { queryObject } from './cases';
import { parseOrThrow } from '@/lib/validation/parse';

/** Route context of /api/v1/meetings/{id}/…; in Next 16 the params arrive as a promise. */
export interface MeetingRouteContext {
  params: Promise<{ id: string }>;
}
export interface CalendarFeedRouteContext {
  params: Promise<{ userId: string; token: string }>;
}

/** The `{id}` of the path as a meeting id; anything but a UUID is a 404, before any body is read. */
export const meetingIdParam = meetingIdSchema;

export const feedUserIdParam = z.uuid({ message: msg('api.unknownCalendar') });
/** The feed token as it appears in the URL: base64url, with the `.ics` extension calendars expect. */
export const feedTokenParam = z
  .string()
  .regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, msg('api.unknownCalendar'))
  .describe('The personal token followed by `.ics`, exactly as shown on the meetings page');

export async function meetingIdFrom(context: MeetingRouteContext): Promise<string> {
  const parsed = meetingIdParam.safeParse((await context.params).id);
  if (!parsed.success) throw new AppError('NOT_FOUND', parsed.error.issues[0]!.message);
  return parsed.data;
}

/** User id and token of a feed URL, or null when they cannot be right (answered as 404). */
export async function feedParamsFrom(context: CalendarFeedRouteContext): Promise<{ userId: string; token: string } | null> {
  const { userId, token } = await context.params;
  const user = feedUserIdParam.safeParse(userId);
  const file = feedTokenParam.safeParse(token);
  if (!user.success || !file.success) return null;
  return { userId: user.data, token: file.data.slice(0, -'.ics'.length) };
}

export const meetingListQuerySchema = z.strictObject({
  period: z.enum(['upcoming', 'past'], { message: msg('api.chooseUpcomingOrPast') }).default('upcoming'),
});

/** The query of GET /api/v1/meetings; a bad value is a 422 with field errors, like a bad body. */
export function parseMeetingListQuery(request: Request) {
  return parseOrThrow(meetingListQuerySchema, queryObject(new URL(request.url).searchParams));
}

/**
 * Where links in calendar files point: the configured NEXTAUTH_URL; without it the origin the request
 * came in on. A proxy's X-Forwarded-Host counts only when TRUSTED_PROXIES says a proxy is in front,
 * otherwise anyone could make the file link to a host of their choosing.
 */
export function baseUrlOf(
  request: Request,
  config: { appUrl?: string; trustedProxies: number } = { appUrl: env().NEXTAUTH_URL, trustedProxies: env().TRUSTED_PROXIES },
): string {
  if (config.appUrl) return new URL(config.appUrl).origin;
  const url = new URL(request.url);
  const host = config.trustedProxies > 0 ? request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  if (host) return `${proto === 'http' || proto === 'https' ? proto : url.protocol.replace(':', '')}://${host}`;
  return url.origin;
}

export function calendarResponse(body: string, filename: string, disposition: 'attachment' | 'inline' = 'attachment') {
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `${disposition}; filename="${filename}"`,
      'cache-control': 'private, no-store',
    },
  });
}
