import { NextResponse } from 'next/server';
import { agreementHistory } from '@/lib/agreements/list-agreements';
import { logAction } from '@/lib/agreements/log-action';
import { logActionSchema } from '@/lib/agreements/schemas';
import { actionEntry, agreementIdFrom, withIdempotencyKey, type AgreementRouteContext } from '@/lib/api/agreements';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';

export const GET = withActor<AgreementRouteContext>(async (_request, actor, context) => {
  const { actions, dueChanges } = await agreementHistory(actor, await agreementIdFrom(context));
  return NextResponse.json({ items: actions, total: actions.length, dueChanges });
});

/** A replayed idempotency key answers 200 with the entry stored the first time, instead of 201. */
export const POST = withActor<AgreementRouteContext>(async (request, actor, context) => {
  const id = await agreementIdFrom(context);
  const input = withIdempotencyKey(request, await readJson(request, logActionSchema));
  const { action, replayed } = await logAction(actor, id, input);
  return NextResponse.json(actionEntry(action), { status: replayed ? 200 : 201 });
});
