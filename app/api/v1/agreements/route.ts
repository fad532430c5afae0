import { NextResponse } from 'next/server';
import { listAgreementPage } from '@/lib/agreements/list-agreements';
import { parseAgreementListQuery } from '@/lib/api/agreements';
import { withActor } from '@/lib/http/with-actor';

export const GET = withActor(async (request, actor) => {
  return NextResponse.json(await listAgreementPage(actor, parseAgreementListQuery(request)));
});
