import { NextResponse } from 'next/server';
import { caseIdFrom, type CaseRouteContext } from '@/lib/api/cases';
import { setCaseLead } from '@/lib/cases/partners';
import { caseLeadSchema } from '@/lib/cases/schemas';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';
import type { CaseLeadResult } from '@/lib/cases/case-views';

export const PUT = withActor<CaseRouteContext>(async (request, actor, context) => {
  const id = await caseIdFrom(context);
  const { version } = await setCaseLead(actor, id, await readJson(request, caseLeadSchema));
  return NextResponse.json({ id, version } satisfies CaseLeadResult);
});
