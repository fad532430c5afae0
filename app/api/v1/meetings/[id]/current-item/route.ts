import { NextResponse } from 'next/server';
import { meetingIdFrom, type MeetingRouteContext } from '@/lib/api/meetings';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';
import { setCurrentItem } from '@/lib/live/current-item';
import { currentItemSchema } from '@/lib/live/schemas';

export const POST = withActor<MeetingRouteContext>(async (request, actor, context) => {
  const id = await meetingIdFrom(context);
  return NextResponse.json(await setCurrentItem(actor, id, await readJson(request, currentItemSchema)));
});
