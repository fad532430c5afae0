import { NextResponse } from 'next/server';
import { meetingIdFrom, type MeetingRouteContext } from '@/lib/api/meetings';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';
import { transitionMeeting } from '@/lib/meetings/meeting-lifecycle';
import { meetingTransitionSchema } from '@/lib/meetings/schemas';

export const POST = withActor<MeetingRouteContext>(async (request, actor, context) => {
  const id = await meetingIdFrom(context);
  return NextResponse.json(await transitionMeeting(actor, id, await readJson(request, meetingTransitionSchema)));
});
