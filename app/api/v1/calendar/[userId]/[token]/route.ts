import { baseUrlOf, calendarResponse, feedParamsFrom, type CalendarFeedRouteContext } from '@/lib/api/meetings';
import { jsonError, toErrorResponse } from '@/lib/http/respond';
import { notFound } from '@/lib/errors';
import { observeRequest } from '@/lib/http/request-log';
import { personalFeed } from '@/lib/meetings/calendar-files';

export const dynamic = 'force-dynamic';

/**
 * The personal calendar feed (`/api/v1/calendar/{userId}/{token}.ics`). Public: calendar programs send
 * no session cookie, so the token in the URL is the key; a wrong one answers 404.
 */
export function GET(request: Request, context: CalendarFeedRouteContext): Promise<Response> {
  // Logged as its template: the path holds the feed's secret token.
  return observeRequest(request, async () => {
    try {
      const params = await feedParamsFrom(context);
      const body = params && (await personalFeed(params.userId, params.token, baseUrlOf(request), new Date()));
      if (!body) return jsonError(notFound());
      return calendarResponse(body, 'casusregie.ics', 'inline');
    } catch (error) {
      return toErrorResponse(error);
    }
  });
}
