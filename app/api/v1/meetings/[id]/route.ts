import { NextResponse } from 'next/server';
import { meetingIdFrom, type MeetingRouteContext } from '@/lib/api/meetings';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';
import { getMeeting } from '@/lib/meetings/get-meeting';
import { rescheduleMeeting } from '@/lib/meetings/meeting-lifecycle';
import { rescheduleSchema } from '@/lib/meetings/schemas';

export const GET = withActor<MeetingRouteContext>(async (_request, actor, context) =>
  NextResponse.json(await getMeeting(actor, await meetingIdFrom(context))),
);

/** Reschedule: date, times and place, with the `version` that was read. */
export const PATCH = withActor<MeetingRouteContext>(async (request, actor, context) => {
  const id = await meetingIdFrom(context);
  await rescheduleMeeting(actor, id, await readJson(request, rescheduleSchema));
  return NextResponse.json(await getMeeting(actor, id));
});
