import { notFound } from 'next/navigation';
import { requireActor, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { authorize, isRefused, type Action } from './policy';

/**
 * The guard of every page under app/(app): a signed-out visitor goes to sign-in, and a page whose action
 * the policy refuses the actor is a 404 (for that role the page does not exist). Without an action: any
 * signed-in user (their own account, notifications, the home page).
 */
export async function requirePage(action?: Action): Promise<Actor> {
  const actor = await requireActor();
  if (action && isRefused(authorize(actor, action))) notFound();
  return actor;
}

/** What a page shows, or its 404 where lib/ answers NOT_FOUND: not there, or not there for this actor. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
