import { nameTokens } from '@/lib/crypto/search-tokens';
import { eq } from 'drizzle-orm';
import { caseEvents, caseNumberCounters, casePartners, cases, users, type CaseStatus } from '@/db/schema';
import type { Tx } from '@/db/types';
import { formatCaseNumber, yearInAmsterdam } from '@/lib/cases/case-number';
import { DEMO_CASES } from './demo-cases';

const DAY = 24 * 60 * 60 * 1000;

/** Inserts the demo cases with a believable history: referral, triage, partners, later steps. */
export async function seedDemoCases(tx: Tx, userId: Map<string, string>, orgId: Map<string, string>, now: Date) {
  const year = yearInAmsterdam(now);
  const ordered = [...DEMO_CASES].sort((a, b) => b.createdDaysAgo - a.createdDaysAgo);
  const user = (email: string) => userId.get(email)!;
  for (const [i, demo] of ordered.entries()) {
    const created = new Date(now.getTime() - demo.createdDaysAgo * DAY);
    const at = (days: number) => new Date(Math.min(created.getTime() + days * DAY, now.getTime() - DAY / 4));
    const referrer = user(demo.referrer);
    const regisseur = demo.regisseur ? user(demo.regisseur) : null;
    const triagedAt = demo.triage ? at(3) : null;
    const closedAt = demo.status === 'afgesloten' ? at(demo.createdDaysAgo - 10) : demo.status === 'afgewezen' ? triagedAt : null;
    const [row] = await tx
      .insert(cases)
      .values({
        number: formatCaseNumber(year, i + 1),
        status: demo.status,
        targetGroup: demo.targetGroup,
        municipalityCode: demo.municipality,
        subjectName: demo.subject.name,
        subjectNameTokens: nameTokens(demo.subject.name),
        subjectBirthDate: demo.subject.birthDate,
        subjectAddress: demo.subject.address,
        reason: demo.reason,
        goal: demo.goal,
        criterionMultiDomain: true,
        criterionMultiChain: demo.partners.length > 1,
        criterionHousehold: demo.targetGroup === 'huiselijk_geweld' || demo.targetGroup === 'jeugd',
        criterionLocalSafety: demo.targetGroup === 'high_impact_crime' || demo.targetGroup === 'top_x',
        referrerUserId: referrer,
        referrerOrganisationId: (await orgOfUser(tx, referrer))!,
        regisseurUserId: regisseur,
        caseLeadUserId: demo.caseLead ? user(demo.caseLead) : null,
        triageDecision: demo.triage?.decision ?? null,
        triageReason: demo.triage?.reason ?? null,
        triagedAt,
        pauseReason: demo.pause ?? null,
        pausedAt: demo.pause ? at(demo.createdDaysAgo - 20) : null,
        closureResult: demo.closureResult ?? null,
        closedAt,
        createdAt: created,
        updatedAt: at(Math.max(4, Math.floor(demo.createdDaysAgo * 0.8))),
      })
      .returning({ id: cases.id });
    const caseId = row!.id;
    const actor = regisseur ?? referrer;
    const events: (typeof caseEvents.$inferInsert)[] = [
      { caseId, kind: 'status', toStatus: 'aangemeld', actorUserId: referrer, at: created },
    ];
    if (demo.status !== 'aangemeld') {
      events.push({ caseId, kind: 'status', fromStatus: 'aangemeld', toStatus: 'triage', actorUserId: actor, at: at(1) });
    }
    if (demo.triage) {
      const to: CaseStatus = demo.triage.decision === 'in_behandeling' ? 'actief' : 'afgewezen';
      events.push({
        caseId, kind: 'triage', fromStatus: 'triage', toStatus: to, reason: demo.triage.reason,
        data: { decision: demo.triage.decision }, actorUserId: actor, at: triagedAt!,
      });
    }
    if (demo.status === 'monitoring') {
      events.push({ caseId, kind: 'status', fromStatus: 'actief', toStatus: 'monitoring', reason: 'Plan van aanpak loopt stabiel.', actorUserId: actor, at: at(Math.floor(demo.createdDaysAgo * 0.7)) });
    }
    if (demo.status === 'afgesloten') {
      events.push({ caseId, kind: 'status', fromStatus: 'actief', toStatus: 'afgesloten', reason: demo.closureResult ?? null, actorUserId: actor, at: closedAt! });
    }
    if (demo.pause) {
      events.push({ caseId, kind: 'pause', fromStatus: 'actief', toStatus: 'actief', data: { pauseReason: demo.pause }, actorUserId: actor, at: at(demo.createdDaysAgo - 20) });
    }
    await tx.insert(caseEvents).values(events);
    if (demo.partners.length) {
      await tx.insert(casePartners).values(
        demo.partners.map((key) => ({
          caseId,
          organisationId: orgId.get(key)!,
          reason: 'Betrokken bij de uitvoering van het plan van aanpak.',
          addedByUserId: actor,
          addedAt: at(4),
        })),
      );
    }
  }
  await tx.insert(caseNumberCounters).values({ year, last: ordered.length }).onConflictDoNothing();
}

async function orgOfUser(tx: Tx, id: string) {
  const [row] = await tx.select({ organisationId: users.organisationId }).from(users).where(eq(users.id, id));
  return row?.organisationId;
}
