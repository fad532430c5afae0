import { NextResponse } from 'next/server';
import { AppError } from '@/lib/errors';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';
import { recordAgendaItem } from '@/lib/meetings/agenda';
import { savedItemText } from '@/lib/meetings/minute-drafts';
import { recordItemSchema } from '@/lib/meetings/schemas';

interface ItemRouteContext {
  params: Promise<{ id: string; itemId: string }>;
}

/**
 * Saves an item's minutes, outcome and status with the `version` its author started from. When someone
 * saved the item in between, the answer is 409 with the item as saved now (`current`), so the author can
 * merge both texts instead of overwriting the other's.
 */
export const PATCH = withActor<ItemRouteContext>(async (request, actor, context) => {
  const { id, itemId } = await context.params;
  const input = await readJson(request, recordItemSchema);
  try {
    await recordAgendaItem(actor, id, itemId, input);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'CONFLICT') throw error;
    const current = await savedItemText(actor, id, itemId);
    return NextResponse.json({ error: 'Iemand anders heeft dit agendapunt intussen opgeslagen. Kies wat blijft.', current }, { status: 409 });
  }
  return NextResponse.json(await savedItemText(actor, id, itemId));
});
