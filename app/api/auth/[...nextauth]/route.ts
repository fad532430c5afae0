import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, context: Context) {
  // next-auth v4 reads params synchronously; Next 16 hands them over as a promise.
  const params = await context.params;
  const response: Response = await NextAuth(req as never, { params } as never, authOptions());
  // Sign-out (which also revokes the session, see events.signOut) tells the browser to forget everything
  // of this site: cookies, storage and cached pages with personal data.
  if (req.method === 'POST' && params.nextauth[0] === 'signout') {
    const headers = new Headers(response.headers);
    headers.set('Clear-Site-Data', '"cache", "cookies", "storage"');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  return response;
}

export { handler as GET, handler as POST };
