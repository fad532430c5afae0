import { NextResponse } from 'next/server';
import { caseIdFrom, type CaseRouteContext } from '@/lib/api/cases';
import { enforceRateLimit } from '@/lib/http/rate-limit';
import { withActor } from '@/lib/http/with-actor';
import { exportFilename, subjectAccessExport } from '@/lib/subject-access/export';

/** Inzage (AVG art. 15) as a JSON download: an export, so rate limited and audited like the CSV exports. */
export const GET = withActor<CaseRouteContext>(async (_request, actor, context) => {
  const id = await caseIdFrom(context);
  await enforceRateLimit(actor, 'export');
  const document = await subjectAccessExport(actor, id, 'json');
  return NextResponse.json(document, {
    headers: {
      'Content-Disposition': `attachment; filename="${exportFilename(document, id)}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
