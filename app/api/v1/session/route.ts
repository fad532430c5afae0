import { NextResponse } from 'next/server';
import { readSessionWith } from '@/lib/auth/actor';
import { SESSION_EXPIRED_MESSAGE, type TouchMode } from '@/lib/auth/session-rules';
import { AppError } from '@/lib/errors';
import { observeRequest } from '@/lib/http/request-log';
import { jsonError, toErrorResponse } from '@/lib/http/respond';
import { assertSameOrigin } from '@/lib/http/same-origin';

/**
 * How long the session has left, in milliseconds from now (relative, so the browser's clock does not
 * matter). A signed-out or expired session is a 401; an unreachable database a 503 (toErrorResponse), so
 * the browser can tell "sign in again" from "try again later".
 */
function answer(touch: TouchMode) {
  return (request: Request) =>
    observeRequest(request, async () => {
      try {
        assertSameOrigin(request);
        const state = await readSessionWith(touch);
        if (state?.stage !== 'verified') return jsonError(new AppError('UNAUTHENTICATED', SESSION_EXPIRED_MESSAGE));
        const now = Date.now();
        const { idleEndsAt, absoluteEndsAt, endsAt } = state.clock;
        return NextResponse.json({
          remainingMs: endsAt.getTime() - now,
          idleRemainingMs: idleEndsAt.getTime() - now,
          absoluteRemainingMs: absoluteEndsAt.getTime() - now,
        });
      } catch (error) {
        return toErrorResponse(error);
      }
    });
}

/** The session's time left; asking is not activity, so it does not extend the session. */
export const GET = answer('never');

/** Keep-alive: the user is active (typing, clicking), so the idle clock starts again. */
export const POST = answer('always');
