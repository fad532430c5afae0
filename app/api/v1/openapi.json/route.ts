import { usesSecureCookies } from '@/lib/auth/cookies';
import { openApiDocument } from '@/lib/openapi/document';

// The cookie name depends on NEXTAUTH_URL at run time, so the document is not fixed at build time.
export const dynamic = 'force-dynamic';

/** The OpenAPI 3.1 document of the API; public, like the API's shape itself. */
export function GET() {
  return Response.json(openApiDocument({ secureCookies: usesSecureCookies() }));
}
