import { and, eq, isNull } from 'drizzle-orm';
import { agendaItems, agreements, casePartners, users } from '@/db/schema';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/sessions';
import { assertNotEnded, withCase } from '@/lib/cases/access';
import { todayInAmsterdam } from '@/lib/cases/schemas';
import { validation } from '@/lib/http/errors';
import type { CreateAgreementInput } from './schemas';

/** An agreement on a case, owned by a convened partner organisation (and optionally one professional). */
export async function createAgreement(actor: Actor, caseId: unknown, input: CreateAgreementInput, now = new Date()) {
  return withCase(actor, caseId, 'agreement.create', async (tx, { ref }) => {
    assertNotEnded(ref);
    // The schema says so too; checked here against the caller's clock, so no path can skip it.
    if (input.dueDate < todayInAmsterdam(now)) throw validation({ dueDate: ['De einddatum ligt in het verleden.'] });
    const [convened] = await tx
      .select({ id: casePartners.id })
      .from(casePartners)
      .where(
        and(
          eq(casePartners.caseId, ref.id),
          eq(casePartners.organisationId, input.ownerOrganisationId),
          isNull(casePartners.endedAt),
        ),
      );
    if (!convened) {
      throw validation({ ownerOrganisationId: ['Deze organisatie is niet betrokken bij de casus. Betrek haar eerst als partner.'] });
    }
    if (input.ownerUserId) {
      const [owner] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, input.ownerUserId), eq(users.organisationId, input.ownerOrganisationId), eq(users.active, true)));
      if (!owner) throw validation({ ownerUserId: ['Kies een actieve professional van de uitvoerende organisatie.'] });
    }
    if (input.agendaItemId) {
      const [item] = await tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(eq(agendaItems.id, input.agendaItemId), eq(agendaItems.caseId, ref.id)));
      if (!item) throw validation({ agendaItemId: ['Dit agendapunt hoort niet bij deze casus.'] });
    }
    const [created] = await tx
      .insert(agreements)
      .values({
        caseId: ref.id,
        agendaItemId: input.agendaItemId ?? null,
        description: input.description,
        ownerOrganisationId: input.ownerOrganisationId,
        ownerUserId: input.ownerUserId ?? null,
        dueDate: input.dueDate,
        originalDueDate: input.dueDate,
        createdByUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: agreements.id, status: agreements.status, version: agreements.version });
    await audit(tx, subjectOf(actor), {
      action: 'create',
      entity: 'agreement',
      entityId: created!.id,
      caseId: ref.id,
      caseNumber: ref.number,
    });
    return created!;
  });
}
