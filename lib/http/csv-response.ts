/** A CSV download: never cached, never sniffed as anything else, saved under `filename`. */
export function csvResponse({ filename, body }: { filename: string; body: string }): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
