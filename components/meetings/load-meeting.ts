import 'server-only';
import { notFound } from 'next/navigation';
import { AppError } from '@/lib/errors';
import type { MeetingView } from '@/lib/meetings/get-meeting';

/** A meeting the reader may not see is a 404 page, so its existence does not leak. */
export async function loadMeetingOr404(load: () => Promise<MeetingView>): Promise<MeetingView> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) notFound();
    throw error;
  }
}
