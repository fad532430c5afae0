'use server';

import type { ActionState } from '@/lib/forms/action-state';
import { actorForm } from '@/lib/forms/actor-form';
import { setUserActiveSchema } from '@/lib/users/manage-users';
import { inviteColleague, inviteColleagueSchema, resetOwnUserSecondFactor, setOwnUserActive } from '@/lib/users/partner-admin';
import { userIdSchema } from '@/lib/users/user-security';
import { publicBaseUrl } from '../admin/public-base-url';

// Each change is scoped to the partnerbeheerder's own organisation in lib/users/partner-admin.ts; its screens are all under /partnerbeheer.
const PARTNER = { revalidate: '/partnerbeheer' };

export async function setOwnUserActiveAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return actorForm(formData, setUserActiveSchema, setOwnUserActive, PARTNER);
}

export async function resetOwnSecondFactorAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return actorForm(formData, userIdSchema, resetOwnUserSecondFactor, PARTNER);
}

/** Asks for a colleague's invitation; the house approves it (four eyes), the link goes to the colleague only. */
export async function inviteColleagueAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return actorForm(formData, inviteColleagueSchema, async (actor, input) => inviteColleague(actor, input, { baseUrl: await publicBaseUrl() }), {
    ...PARTNER,
    answer: (invitation) => ({ email: invitation.email }),
  });
}
