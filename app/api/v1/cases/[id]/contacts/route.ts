import { NextResponse } from 'next/server';
import { caseIdFrom, type CaseRouteContext } from '@/lib/api/cases';
import { addCaseContact, listCaseContacts } from '@/lib/cases/case-contacts';
import { caseContactSchema } from '@/lib/cases/schemas';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';

export const GET = withActor<CaseRouteContext>(async (_request, actor, context) => {
  const items = await listCaseContacts(actor, await caseIdFrom(context));
  return NextResponse.json({ items, total: items.length });
});

export const POST = withActor<CaseRouteContext>(async (request, actor, context) => {
  const id = await caseIdFrom(context);
  return NextResponse.json(await addCaseContact(actor, id, await readJson(request, caseContactSchema)), { status: 201 });
});
