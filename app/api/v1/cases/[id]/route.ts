import { NextResponse } from 'next/server';
import { caseIdFrom, type CaseRouteContext } from '@/lib/api/cases';
import { getCase } from '@/lib/cases/get-case';
import { caseUpdateSchema } from '@/lib/cases/schemas';
import { updateCase } from '@/lib/cases/update-case';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';

export const GET = withActor<CaseRouteContext>(async (_request, actor, context) =>
  NextResponse.json(await getCase(actor, await caseIdFrom(context))),
);

// The case as the update left it, read in the update's transaction: one audit entry (the update), no "view".
export const PATCH = withActor<CaseRouteContext>(async (request, actor, context) => {
  const id = await caseIdFrom(context);
  return NextResponse.json(await updateCase(actor, id, await readJson(request, caseUpdateSchema)));
});
