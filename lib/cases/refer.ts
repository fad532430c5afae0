import { nameTokens } from '@/lib/crypto/search-tokens';
import { caseEvents, cases } from '@/db/schema';
import { asUser } from '@/db/transaction';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { validation, msg } from '@/lib/errors';
import { municipalityExists } from '@/lib/reference/municipalities';
import { assertAllowed } from './access';
import { nextCaseNumber } from './case-number';
import type { ReferralInput } from './schemas';
import type { ReferralCreated } from './case-views';

/** A referral (aanmelding) by a regisseur or a partner professional; the case starts as aangemeld. */
export async function createReferral(actor: Actor, input: ReferralInput, now = new Date()): Promise<ReferralCreated> {
  await assertAllowed(actor, 'case.create');
  return asUser(actor.userId, async (tx) => {
    if (!(await municipalityExists(tx, input.municipalityCode))) {
      throw validation({ municipalityCode: [msg('cases.municipalityGone')] });
    }
    const number = await nextCaseNumber(tx, now);
    const [created] = await tx
      .insert(cases)
      .values({
        number,
        targetGroup: input.targetGroup,
        municipalityCode: input.municipalityCode,
        subjectName: input.subject.name,
        subjectNameTokens: nameTokens(input.subject.name),
        subjectBirthDate: input.subject.birthDate,
        subjectAddress: input.subject.address ?? null,
        reason: input.reason,
        goal: input.goal,
        criterionMultiDomain: input.criteria.multiDomain,
        criterionMultiChain: input.criteria.multiChain,
        criterionHousehold: input.criteria.household,
        criterionLocalSafety: input.criteria.localSafety,
        involvedPartners: input.involvedPartners ?? null,
        referrerUserId: actor.userId,
        referrerOrganisationId: actor.organisationId,
        regisseurUserId: actor.role === 'regisseur' ? actor.userId : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: cases.id, number: cases.number, status: cases.status, createdAt: cases.createdAt });
    await tx.insert(caseEvents).values({
      caseId: created!.id,
      kind: 'status',
      toStatus: 'aangemeld',
      actorUserId: actor.userId,
      at: now,
    });
    await audit(tx, subjectOf(actor), {
      action: 'create',
      entity: 'case',
      entityId: created!.id,
      caseId: created!.id,
      caseNumber: number,
    });
    return created!;
  });
}
