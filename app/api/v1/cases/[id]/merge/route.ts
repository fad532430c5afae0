import { NextResponse } from 'next/server';
import { caseIdFrom, type CaseRouteContext } from '@/lib/api/cases';
import { mergeReferral, undoMerge } from '@/lib/cases/referral-matches';
import { mergeReferralSchema, undoMergeQuerySchema } from '@/lib/cases/schemas';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';
import { parseOrThrow } from '@/lib/validation/parse';

export const POST = withActor<CaseRouteContext>(async (request, actor, context) => {
  const id = await caseIdFrom(context);
  return NextResponse.json(await mergeReferral(actor, id, await readJson(request, mergeReferralSchema)));
});

export const DELETE = withActor<CaseRouteContext>(async (request, actor, context) => {
  const id = await caseIdFrom(context);
  const query = parseOrThrow(undoMergeQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await undoMerge(actor, id, query));
});
