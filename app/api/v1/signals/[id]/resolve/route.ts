import { NextResponse } from 'next/server';
import { signalIdFrom, type SignalRouteContext } from '@/lib/api/signals';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';
import { resolveSignal } from '@/lib/signals/change-signal';
import { resolveSignalSchema } from '@/lib/signals/schemas';

export const POST = withActor<SignalRouteContext>(async (request, actor, context) => {
  const id = await signalIdFrom(context);
  return NextResponse.json(await resolveSignal(actor, id, await readJson(request, resolveSignalSchema)));
});
