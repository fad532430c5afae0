import { asc, eq } from 'drizzle-orm';
import { caseContacts } from '@/db/schema';
import type { Tx } from '@/db/types';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { withCase } from './access';
import type { CaseContactInput } from './schemas';

/*
 * The case journal of contacts: a phone call, a mail or a consultation about the case, with whom and
 * when. Regisseurs write it (as they edit the case); whoever reads the timeline reads it (regisseurs,
 * convened professionals). Organisation and note are encrypted (db/encrypted-text.ts). A journal line
 * is not edited afterwards, so there is no version to race on.
 */

const COLUMNS = {
  id: caseContacts.id,
  kind: caseContacts.kind,
  contactDate: caseContacts.contactDate,
  organisation: caseContacts.organisation,
  note: caseContacts.note,
  authorName: caseContacts.authorName,
  createdAt: caseContacts.createdAt,
};

export type CaseContact = Awaited<ReturnType<typeof contactsOf>>[number];

/** The journal of a case in the caller's transaction, oldest first. */
export function contactsOf(tx: Tx, caseId: string) {
  return tx.select(COLUMNS).from(caseContacts).where(eq(caseContacts.caseId, caseId)).orderBy(asc(caseContacts.contactDate), asc(caseContacts.createdAt));
}

export async function listCaseContacts(actor: Actor, caseId: unknown): Promise<CaseContact[]> {
  return withCase(actor, caseId, 'partner.list', (tx, { ref, decision }) => (decision === 'pseudonymised' ? Promise.resolve([]) : contactsOf(tx, ref.id)));
}

export async function addCaseContact(actor: Actor, caseId: unknown, input: CaseContactInput, now = new Date()): Promise<{ id: string }> {
  return withCase(actor, caseId, 'case.update', async (tx, { ref }) => {
    const [row] = await tx
      .insert(caseContacts)
      .values({ caseId: ref.id, ...input, authorUserId: actor.userId, createdAt: now })
      .returning({ id: caseContacts.id });
    await audit(tx, subjectOf(actor), {
      action: 'create',
      entity: 'case-contact',
      entityId: row!.id,
      caseId: ref.id,
      caseNumber: ref.number,
      details: { kind: input.kind },
    });
    return { id: row!.id };
  });
}
