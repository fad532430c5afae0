import { NextResponse } from 'next/server';
import { parseMeetingListQuery } from '@/lib/api/meetings';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';
import { createMeeting } from '@/lib/meetings/create-meeting';
import { getMeeting } from '@/lib/meetings/get-meeting';
import { listMeetings } from '@/lib/meetings/list-meetings';
import { createMeetingSchema } from '@/lib/meetings/schemas';

export const GET = withActor(async (request, actor) => {
  const { period } = parseMeetingListQuery(request);
  const items = await listMeetings(actor, period);
  return NextResponse.json({ items, total: items.length });
});

export const POST = withActor(async (request, actor) => {
  const { id } = await createMeeting(actor, await readJson(request, createMeetingSchema));
  return NextResponse.json(await getMeeting(actor, id), { status: 201 });
});
