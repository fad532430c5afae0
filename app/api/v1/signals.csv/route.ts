import { parseSignalListQuery } from '@/lib/api/signals';
import { csvResponse } from '@/lib/http/csv-response';
import { withActor } from '@/lib/http/with-actor';
import { signalsCsv } from '@/lib/signals/report';

export const GET = withActor(async (request, actor) => csvResponse(await signalsCsv(actor, parseSignalListQuery(request), actor.locale)));
