import { nameTokens } from '@/lib/crypto/search-tokens';
import { and, eq } from 'drizzle-orm';
import { cases, users } from '@/db/schema';
import { decide } from '@/lib/access/matrix';
import type { Actor } from '@/lib/actor';
import { validation, msg } from '@/lib/errors';
import { municipalityExists } from '@/lib/reference/municipalities';
import { withCase } from './access';
import { assertCurrentVersion, commitCaseChange } from './commit-case-change';
import { loadFullCase, type FullCase } from './get-case';
import type { CaseUpdateInput } from './schemas';

/** Edits a case's data; the version it was read at must still be current (else 409). Answers the case as it is now. */
export async function updateCase(actor: Actor, caseId: unknown, input: CaseUpdateInput, now = new Date()): Promise<FullCase> {
  return withCase(actor, caseId, 'case.update', async (tx, { ref, relation }) => {
    const { version, subject, ...rest } = input;
    assertCurrentVersion(ref, version);
    if (rest.municipalityCode && !(await municipalityExists(tx, rest.municipalityCode))) {
      throw validation({ municipalityCode: [msg('cases.municipalityGone')] });
    }
    if (rest.regisseurUserId) {
      const [user] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, rest.regisseurUserId), eq(users.role, 'regisseur'), eq(users.active, true)));
      if (!user) throw validation({ regisseurUserId: [msg('cases.chooseActiveRegisseur')] });
    }
    const proposed: Record<string, unknown> = {
      ...rest,
      ...(subject?.name !== undefined && { subjectName: subject.name }),
      ...(subject?.birthDate !== undefined && { subjectBirthDate: subject.birthDate }),
      ...(subject?.address !== undefined && { subjectAddress: subject.address }),
    };
    // Only what really differs counts as a change (a form sends every field, changed or not).
    const [current] = await tx.select().from(cases).where(eq(cases.id, ref.id));
    // After the retention term the case keeps only its figures: personal data does not come back in.
    if (current!.personalDataRemovedAt) {
      const message = msg('cases.personalDataRemoved');
      throw validation({ _: [message] }, message);
    }
    const changes = Object.fromEntries(
      Object.entries(proposed).filter(([key, value]) => (current as Record<string, unknown>)[key] !== (value ?? null)),
    ) as Partial<typeof cases.$inferInsert>;
    const fields = Object.keys(changes);
    if (fields.length === 0) throw validation({ _: [msg('common.nothingChanged')] }, msg('common.nothingChanged'));
    const patch = { ...changes, ...(changes.subjectName !== undefined && { subjectNameTokens: nameTokens(changes.subjectName) }) };
    await commitCaseChange(tx, actor, ref.id, version, patch, { kind: 'edit', at: now, data: { fields }, audit: { fields } });
    // What was changed goes back as the case now reads: no second transaction, no second ("view") audit entry.
    return loadFullCase(tx, ref.id, decide(actor.role, 'case.view', relation) === 'shared' ? 'shared' : 'full');
  });
}
