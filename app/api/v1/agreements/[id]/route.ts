import { NextResponse } from 'next/server';
import { updateAgreementSchema } from '@/lib/agreements/schemas';
import { updateAgreement } from '@/lib/agreements/update-agreement';
import { agreementIdFrom, type AgreementRouteContext } from '@/lib/api/agreements';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';

export const PATCH = withActor<AgreementRouteContext>(async (request, actor, context) => {
  const id = await agreementIdFrom(context);
  return NextResponse.json(await updateAgreement(actor, id, await readJson(request, updateAgreementSchema)));
});
