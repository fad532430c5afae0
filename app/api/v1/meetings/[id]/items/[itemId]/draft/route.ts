import { NextResponse } from 'next/server';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';
import { discardDraft, getDraft, saveDraft, saveDraftSchema } from '@/lib/meetings/minute-drafts';

interface ItemRouteContext {
  params: Promise<{ id: string; itemId: string }>;
}

/** The signed-in author's own draft of the item's minutes and outcome, or `null`. */
export const GET = withActor<ItemRouteContext>(async (_request, actor, context) => {
  const { id, itemId } = await context.params;
  return NextResponse.json({ draft: await getDraft(actor, id, itemId) });
});

/** Autosave: `{ minutes, outcome, baseVersion, version }`; 409 when another tab saved a newer draft. */
export const PUT = withActor<ItemRouteContext>(async (request, actor, context) => {
  const { id, itemId } = await context.params;
  const input = await readJson(request, saveDraftSchema);
  return NextResponse.json({ draft: await saveDraft(actor, id, itemId, input) });
});

export const DELETE = withActor<ItemRouteContext>(async (_request, actor, context) => {
  const { id, itemId } = await context.params;
  await discardDraft(actor, id, itemId);
  return new NextResponse(null, { status: 204 });
});
