// Next's server sets up AsyncLocalStorage on the global before its request scopes exist; so must a test.
import 'next/dist/server/node-environment-baseline';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { actionAsyncStorage } from 'next/dist/server/app-render/action-async-storage.external';
import { workAsyncStorage } from 'next/dist/server/app-render/work-async-storage.external';
import { workUnitAsyncStorage } from 'next/dist/server/app-render/work-unit-async-storage.external';
import { createRequestStoreForAPI } from 'next/dist/server/async-storage/request-store';
import { createWorkStore } from 'next/dist/server/async-storage/work-store';
import { IncrementalCache } from 'next/dist/server/lib/incremental-cache';
import { AppRouteRouteModule } from 'next/dist/server/route-modules/app-route/module';
import { users } from '@/db/schema';
import { asSystem } from '@/db/transaction';
import { sessionCookieName } from '@/lib/auth/cookies';
import { authSecret } from '@/lib/auth/secret';
import type { Actor } from '@/lib/actor';
import { signInAs } from './actors';

/*
 * Runs the app's route handlers and server actions in this process the way the Next server does: a route
 * file through Next's own route module (method dispatch, 405 for a method the file does not export,
 * params, request scope), a server action inside Next's request scope, so that cookies(), headers(),
 * revalidatePath() and the session check are the real ones.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
// No cache handler: revalidatePath() records what it would refresh, as on a server without a cache.
const incrementalCache = new IncrementalCache({
  dev: false,
  minimalMode: false,
  requestHeaders: {},
  maxMemoryCacheSize: 0,
  prerenderManifest: { version: 4, routes: {}, dynamicRoutes: {}, notFoundRoutes: [], preview: {} },
  previewProps: { previewModeId: 'test', previewModeEncryptionKey: 'test', previewModeSigningKey: 'test' },
} as unknown as ConstructorParameters<typeof IncrementalCache>[0]);
const RENDER_OPTS = { experimental: {}, incrementalCache };

const modules = new Map<string, AppRouteRouteModule>();

/** `/api/v1/cases/{id}` → its route module (app/api/v1/cases/[id]/route.ts). */
async function routeModule(apiPath: string): Promise<AppRouteRouteModule> {
  const cached = modules.get(apiPath);
  if (cached) return cached;
  const page = `${apiPath.replace(/\{(\w+)\}/g, '[$1]')}/route`;
  const file = path.join(ROOT, 'app', `${page}.ts`);
  const userland = await import(/* @vite-ignore */ file);
  const runner = new AppRouteRouteModule({
    userland: () => userland,
    definition: { kind: 'APP_ROUTE', page, pathname: apiPath, filename: 'route', bundlePath: `app${page}` },
    distDir: '.next',
    relativeProjectDir: '',
    resolvedPagePath: file,
    nextConfigOutput: undefined,
  } as unknown as ConstructorParameters<typeof AppRouteRouteModule>[0]);
  modules.set(apiPath, runner);
  return runner;
}

/** The answer of the route handler of `apiPath` (an OpenAPI path) to `request`, with the path's parameters. */
export async function callRoute(apiPath: string, request: Request, params: Record<string, string> = {}): Promise<Response> {
  const runner = await routeModule(apiPath);
  const next = new NextRequest(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    duplex: 'half',
  } as ConstructorParameters<typeof NextRequest>[1]);
  const context = { params, renderOpts: RENDER_OPTS, sharedContext: { buildId: 'test' } };
  return runner.handle(next, context as unknown as Parameters<AppRouteRouteModule['handle']>[1]);
}

/** Runs `work` (say, a server action) inside the request scope of `request`, as Next runs an action. */
export function inRequestScope<T>(request: Request, work: () => Promise<T>): Promise<T> {
  const next = new NextRequest(request.url, { method: request.method, headers: request.headers });
  const requestStore = createRequestStoreForAPI(next, next.nextUrl, undefined as never, undefined, undefined as never, undefined);
  const workStore = createWorkStore({
    page: next.nextUrl.pathname,
    renderOpts: RENDER_OPTS,
    buildId: 'test',
    previouslyRevalidatedTags: [],
  } as unknown as Parameters<typeof createWorkStore>[0]);
  return actionAsyncStorage.run({ isAction: true, isAppRoute: false }, () =>
    workUnitAsyncStorage.run(requestStore, () => workAsyncStorage.run(workStore, work)),
  );
}

export interface SignedIn {
  actor: Actor;
  /** The Cookie header a browser of this user sends: the session cookie as next-auth would set it. */
  cookie: string;
}

/** Signs a demo account in (password and code) and hands out its session cookie, as the app does. */
export async function signedInBrowser(email: string): Promise<SignedIn> {
  const actor = await signInAs(email);
  const [user] = await asSystem((tx) => tx.select({ version: users.sessionVersion }).from(users).where(eq(users.id, actor.userId)));
  const token = await encode({ token: { sub: actor.userId, sid: actor.sessionId, sv: user!.version }, secret: authSecret() });
  return { actor, cookie: `${sessionCookieName()}=${token}` };
}
