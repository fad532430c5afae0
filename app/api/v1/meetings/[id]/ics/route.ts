import { baseUrlOf, calendarResponse, meetingIdFrom, type MeetingRouteContext } from '@/lib/api/meetings';
import { withActor } from '@/lib/http/with-actor';
import { invitationFile } from '@/lib/meetings/calendar-files';

/** The meeting as an iCalendar invitation (REQUEST, or CANCEL once cancelled). */
export const GET = withActor<MeetingRouteContext>(async (request, actor, context) => {
  const { body, filename } = await invitationFile(actor, await meetingIdFrom(context), baseUrlOf(request), new Date());
  return calendarResponse(body, filename);
});
