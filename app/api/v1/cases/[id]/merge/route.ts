import { NextResponse } from 'next/server';
import { caseIdFrom, type CaseRouteContext } from '@/lib/api/cases';
import { mergeReferral, undoMerge } from '@/lib/cases/referral-matches';
import { mergeReferralSchema, undoMergeSchema } from '@/lib/cases/schemas';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';

export const POST = withActor<CaseRouteContext>(async (request, actor, context) => {
  const id = await caseIdFrom(context);
  return NextResponse.json(await mergeReferral(actor, id, await readJson(request, mergeReferralSchema)));
});

export const DELETE = withActor<CaseRouteContext>(async (request, actor, context) => {
  const id = await caseIdFrom(context);
  return NextResponse.json(await undoMerge(actor, id, await readJson(request, undoMergeSchema)));
});
