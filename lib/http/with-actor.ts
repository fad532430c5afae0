import 'server-only';
import type { NextResponse } from 'next/server';
import { getActor, type Actor } from '@/lib/auth/actor';
import { AppError } from './errors';
import { jsonError, toErrorResponse } from './respond';
import { assertSameOrigin } from './same-origin';

type Handler<C> = (request: Request, actor: Actor, context: C) => Promise<NextResponse | Response>;

/**
 * Every API route goes through here: no handler can forget the sign-in check, the cross-site check on
 * mutating methods, or the error shape.
 */
export function withActor<C>(handler: Handler<C>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      assertSameOrigin(request);
      const actor = await getActor();
      if (!actor) return jsonError(new AppError('UNAUTHENTICATED', 'Je bent niet (meer) aangemeld.'));
      return await handler(request, actor, context);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
