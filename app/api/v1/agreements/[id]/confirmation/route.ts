import { NextResponse } from 'next/server';
import { agreementIdFrom, type AgreementRouteContext } from '@/lib/api/agreements';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';
import { confirmAgreement } from '@/lib/live/confirm-agreement';
import { confirmationSchema } from '@/lib/live/schemas';

export const POST = withActor<AgreementRouteContext>(async (request, actor, context) => {
  const id = await agreementIdFrom(context);
  return NextResponse.json(await confirmAgreement(actor, id, await readJson(request, confirmationSchema)));
});
