'use server';

import { AgreementCardView } from '@/components/agreements/agreement-card';
import { asItems, type AgreementItem } from '@/components/agreements/types';
import type { MorePage } from '@/components/load-more';
import { listAgreementPage } from '@/lib/agreements/list-agreements';
import { myAgreementsQuerySchema } from '@/lib/agreements/schemas';
import { getActor } from '@/lib/auth/actor';
import { todayInAmsterdam } from '@/lib/calendar/today';
import { AppError, forbidden } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';

/**
 * "Meer laden" on Mijn afspraken and the house's agreements: the next page of the same filters as the page
 * renders its cards, and the rows for the list's island. The list checks who may read it, as the API does.
 */
export async function moreAgreementsAction(mode: 'partner' | 'house', search: string, cursor: string): Promise<MorePage<AgreementItem[]>> {
  // A refusal is an answer for the button to show, not a failed action (the link still works).
  try {
    const actor = await getActor();
    if (!actor) throw forbidden();
    const schema = mode === 'partner' ? myAgreementsQuerySchema : myAgreementsQuerySchema.omit({ owner: true });
    const query = parseOrThrow(schema, Object.fromEntries(new URLSearchParams(search)));
    const page = await listAgreementPage(actor, { ...query, cursor });
    const items = asItems(page.items);
    const today = todayInAmsterdam();
    const node = items.map((item) => <AgreementCardView key={item.id} item={item} today={today} mode={mode} currentUserId={actor.userId} />);
    return { node, nextCursor: page.nextCursor, data: items };
  } catch (error) {
    if (error instanceof AppError) return { node: null, nextCursor: null, failed: true };
    throw error;
  }
}
