import { NextResponse } from 'next/server';
import { createAgreement } from '@/lib/agreements/create-agreement';
import { listCaseAgreements } from '@/lib/agreements/list-agreements';
import { createAgreementSchema } from '@/lib/agreements/schemas';
import { caseIdFrom, type CaseRouteContext } from '@/lib/api/cases';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';

export const GET = withActor<CaseRouteContext>(async (_request, actor, context) => {
  const items = await listCaseAgreements(actor, await caseIdFrom(context));
  return NextResponse.json({ items, total: items.length });
});

export const POST = withActor<CaseRouteContext>(async (request, actor, context) => {
  const id = await caseIdFrom(context);
  return NextResponse.json(await createAgreement(actor, id, await readJson(request, createAgreementSchema)), { status: 201 });
});
