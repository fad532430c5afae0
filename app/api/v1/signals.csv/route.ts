import { parseSignalListQuery } from '@/lib/api/signals';
import { withActor } from '@/lib/http/with-actor';
import { signalsCsv } from '@/lib/signals/report';

export const GET = withActor(async (request, actor) => {
  const { filename, body } = await signalsCsv(actor, parseSignalListQuery(request), actor.locale);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
