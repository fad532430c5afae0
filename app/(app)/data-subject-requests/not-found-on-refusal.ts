import { notFound } from 'next/navigation';
import { AppError } from '@/lib/errors';

/** A request or task the actor may not see, or that does not exist, is the page's 404. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) notFound();
    throw error;
  }
}
