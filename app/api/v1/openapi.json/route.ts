import { usesSecureCookies } from '@/lib/auth/cookies';
import { env } from '@/lib/env';
import { openApiDocument } from '@/lib/openapi/document';

// The cookie name and the server address depend on NEXTAUTH_URL at run time, so the document is not fixed at build time.
export const dynamic = 'force-dynamic';

/** The OpenAPI 3.1 document of the API; public, like the API's shape itself. */
export function GET() {
  return Response.json(openApiDocument({ secureCookies: usesSecureCookies(), baseUrl: env().NEXTAUTH_URL }));
}
