import { NextResponse } from 'next/server';
import { caseIdFrom, type CaseRouteContext } from '@/lib/api/cases';
import { continueReferral } from '@/lib/cases/referral-matches';
import { continueReferralSchema } from '@/lib/cases/schemas';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';

export const POST = withActor<CaseRouteContext>(async (request, actor, context) => {
  const id = await caseIdFrom(context);
  return NextResponse.json(await continueReferral(actor, id, await readJson(request, continueReferralSchema)));
});
