import { NextResponse } from 'next/server';
import { caseIdFrom, type CaseRouteContext } from '@/lib/api/cases';
import { withActor } from '@/lib/http/with-actor';
import { exportFilename, subjectAccessExport } from '@/lib/subject-access/export';

/**
 * Inzage (AVG art. 15) as a JSON download: an export, so audited and rate limited like the CSV exports
 * (the limit is counted in lib/subject-access, after the check that the actor may export this case).
 */
export const GET = withActor<CaseRouteContext>(async (_request, actor, context) => {
  const id = await caseIdFrom(context);
  const document = await subjectAccessExport(actor, id, 'json');
  return NextResponse.json(document, {
    headers: {
      'Content-Disposition': `attachment; filename="${exportFilename(document, id)}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
