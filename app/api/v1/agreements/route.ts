import { NextResponse } from 'next/server';
import { listAgreements } from '@/lib/agreements/list-agreements';
import { parseAgreementListQuery } from '@/lib/api/agreements';
import { withActor } from '@/lib/http/with-actor';

export const GET = withActor(async (request, actor) => {
  const items = await listAgreements(actor, parseAgreementListQuery(request));
  return NextResponse.json({ items, total: items.length });
});
