import { meetingIdFrom, type MeetingRouteContext } from '@/lib/api/meetings';
import { withActor } from '@/lib/http/with-actor';
import { openMeetingEvents } from '@/lib/live/event-stream';

export const dynamic = 'force-dynamic';

export const GET = withActor<MeetingRouteContext>(async (request, actor, context) => {
  const id = await meetingIdFrom(context);
  const after = request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('after');
  const stream = await openMeetingEvents(actor, id, { after, signal: request.signal });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform: a compressing proxy (or Next's own gzip) would hold the events back in its buffer.
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
});
