import { NextResponse } from 'next/server';
import { caseIdFrom, type CaseRouteContext } from '@/lib/api/cases';
import { transitionSchema } from '@/lib/cases/schemas';
import { transitionCase } from '@/lib/cases/transition-case';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';

export const POST = withActor<CaseRouteContext>(async (request, actor, context) => {
  const id = await caseIdFrom(context);
  return NextResponse.json(await transitionCase(actor, id, await readJson(request, transitionSchema)));
});
