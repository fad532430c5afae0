import { NextResponse } from 'next/server';
import { casePartnerIdsFrom, endPartnerBodySchema, type CasePartnerRouteContext } from '@/lib/api/cases';
import { endPartner } from '@/lib/cases/partners';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';

export const POST = withActor<CasePartnerRouteContext>(async (request, actor, context) => {
  const { caseId, partnerId } = await casePartnerIdsFrom(context);
  const { reason } = await readJson(request, endPartnerBodySchema);
  return NextResponse.json(await endPartner(actor, caseId, { partnerId, reason }));
});
