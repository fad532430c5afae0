import { nameTokens } from '@/lib/crypto/search-tokens';
import { and, eq } from 'drizzle-orm';
import { caseEvents, cases, organisations } from '@/db/schema';
import type { Tx } from '@/db/types';
import { asUser } from '@/db/transaction';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { validation, msg } from '@/lib/errors';
import { municipalityExists } from '@/lib/reference/municipalities';
import { assertAllowed } from './access';
import { nextCaseNumber } from './case-number';
import { recordReferralMatches } from './referral-matches';
import type { ReferralInput } from './schemas';
import type { ReferralCreated } from './case-views';

/** A referral (aanmelding) by a regisseur or a partner professional; the case starts as aangemeld. */
export async function createReferral(actor: Actor, input: ReferralInput, now = new Date()): Promise<ReferralCreated> {
  await assertAllowed(actor, 'case.create');
  const created = await asUser(actor.userId, async (tx) => {
    if (!(await municipalityExists(tx, input.municipalityCode))) {
      throw validation({ municipalityCode: [msg('cases.municipalityGone')] });
    }
    if (input.referrer?.organisationId && !(await organisationExists(tx, input.referrer.organisationId))) {
      throw validation({ 'referrer.organisationId': [msg('cases.referrerOrganisationGone')] });
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
        referredByOrganisationId: input.referrer?.organisationId ?? null,
        referredByOrganisationName: input.referrer?.organisationName ?? null,
        referrerContactName: input.referrer?.contactName ?? null,
        referrerContactDetails: input.referrer?.contactDetails ?? null,
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
  // After the referral is in: the match is the house's, and its outcome does not reach the referrer.
  await recordReferralMatches(created, input.subject, now);
  return created;
}

async function organisationExists(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, id), eq(organisations.active, true)));
  return Boolean(row);
}
