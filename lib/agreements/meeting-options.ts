import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { agendaItems, casePartners, meetingInvitees, organisations, users } from '@/db/schema';
import type { Actor } from '@/lib/actor';
import { withMeeting } from '@/lib/meetings/access';

type Option = { value: string; label: string };
export interface ItemOwnerOptions {
  /** The partners convened to the case: the invited ones first (`invited`), then the others. */
  organisations: (Option & { invited: boolean })[];
  professionals: (Option & { organisationId: string })[];
}

/**
 * Who can own an agreement made in a meeting, per case on its agenda: the partners convened to the
 * case (the ones invited to the meeting first) and their active professionals. Regisseurs only.
 */
export async function itemOwnerOptions(actor: Actor, meetingId: unknown): Promise<Map<string, ItemOwnerOptions>> {
  return withMeeting(actor, meetingId, 'manage', async (tx, meeting) => {
    const invited = sql<boolean>`exists (select 1 from ${meetingInvitees} where ${meetingInvitees.meetingId} = ${meeting.id}
      and ${meetingInvitees.organisationId} = ${casePartners.organisationId})`;
    const partners = await tx
      .select({ caseId: casePartners.caseId, organisationId: casePartners.organisationId, name: organisations.name, invited })
      .from(casePartners)
      .innerJoin(organisations, eq(organisations.id, casePartners.organisationId))
      .innerJoin(agendaItems, and(eq(agendaItems.caseId, casePartners.caseId), eq(agendaItems.meetingId, meeting.id)))
      .where(and(isNull(casePartners.endedAt), isNotNull(agendaItems.caseId)))
      .orderBy(sql`${invited} desc`, asc(organisations.name));
    const organisationIds = [...new Set(partners.map((p) => p.organisationId))];
    const people = organisationIds.length
      ? await tx
          .select({ value: users.id, label: users.name, organisationId: users.organisationId })
          .from(users)
          .where(and(inArray(users.organisationId, organisationIds), eq(users.role, 'professional'), eq(users.active, true)))
          .orderBy(asc(users.name))
      : [];
    const byCase = new Map<string, ItemOwnerOptions>();
    for (const p of partners) {
      const entry = byCase.get(p.caseId) ?? { organisations: [], professionals: [] };
      if (entry.organisations.some((o) => o.value === p.organisationId)) continue;
      entry.organisations.push({ value: p.organisationId, label: p.name, invited: p.invited });
      entry.professionals.push(...people.filter((u) => u.organisationId === p.organisationId));
      byCase.set(p.caseId, entry);
    }
    return byCase;
  });
}
