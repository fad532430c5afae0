import { NextResponse } from 'next/server';
import { caseIdFrom, type CaseRouteContext } from '@/lib/api/cases';
import { addPartner, listPartners } from '@/lib/cases/partners';
import { addPartnerSchema } from '@/lib/cases/schemas';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';

export const GET = withActor<CaseRouteContext>(async (_request, actor, context) => {
  const items = await listPartners(actor, await caseIdFrom(context));
  return NextResponse.json({ items, total: items.length });
});

export const POST = withActor<CaseRouteContext>(async (request, actor, context) => {
  const id = await caseIdFrom(context);
  return NextResponse.json(await addPartner(actor, id, await readJson(request, addPartnerSchema)), { status: 201 });
});
