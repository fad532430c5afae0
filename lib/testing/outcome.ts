import { AppError } from '@/lib/errors';

/** What a domain call ends in, as a test compares it: 'OK', or the code of the AppError it refused with. */
export async function outcome(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'OK';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}
