import { NextResponse } from 'next/server';
import { parseCaseListQuery } from '@/lib/api/cases';
import { listCases } from '@/lib/cases/list-cases';
import { createReferral } from '@/lib/cases/refer';
import { referralSchema } from '@/lib/cases/schemas';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';

export const GET = withActor(async (request, actor) => {
  const query = parseCaseListQuery(request);
  return NextResponse.json(await listCases(actor, query, { limitSearch: true }));
});

export const POST = withActor(async (request, actor) => {
  const input = await readJson(request, referralSchema);
  const { id, number, status, createdAt } = await createReferral(actor, input);
  return NextResponse.json({ id, number, status, createdAt }, { status: 201 });
});
