import { NextResponse } from 'next/server';
import { parseSignalListQuery } from '@/lib/api/signals';
import { withActor } from '@/lib/http/with-actor';
import { listSignals } from '@/lib/signals/list-signals';

export const GET = withActor(async (request, actor) => NextResponse.json(await listSignals(actor, parseSignalListQuery(request))));
