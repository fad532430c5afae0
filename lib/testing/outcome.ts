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

/** The AppError a domain call refused with; a call that succeeds fails the test. */
export async function refusal(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A refusal as plain data, for `toEqual` and `toMatchObject`. */
export async function failure(work: Promise<unknown>) {
  const error = await refusal(work);
  return { code: error.code, status: error.status, message: error.message, fieldErrors: error.fieldErrors };
}
