import { NextResponse } from 'next/server';
import { caseIdFrom, type CaseRouteContext } from '@/lib/api/cases';
import { getReferralMatching } from '@/lib/cases/referral-matches';
import { withActor } from '@/lib/http/with-actor';

export const GET = withActor<CaseRouteContext>(async (_request, actor, context) =>
  NextResponse.json(await getReferralMatching(actor, await caseIdFrom(context))),
);
