import { encryptField } from '@/lib/crypto/field';
import { searchTokens } from './search-token-cache';
import type { Loader } from './loader';
import { DAY, type CasePlan } from './plan-cases';
import type { MeetingPlan } from './plan-meetings';
import type { Random } from './random';
import { MINUTES } from './vocabulary';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The agenda items of a case that were discussed: where its agreements are born. */
export type DiscussedItems = Map<string, { id: string; at: number }[]>;

/**
 * A case row (subject encrypted and tokenised here, in Node, as the app would), its history of events,
 * its convened partners and its agenda items. Returns the discussed items per case for the agreements.
 */
export function emitCase(rng: Random, loader: Loader, plan: CasePlan, meetings: MeetingPlan[], discussed: DiscussedItems): void {
  const actor = plan.regisseurId ?? plan.referrerId;
  const events: [number, string, string | null, string | null, string | null, string | null][] = [
    [plan.created, 'status', null, 'aangemeld', null, null],
  ];
  if (plan.triageStart !== null) events.push([plan.triageStart, 'status', 'aangemeld', 'triage', null, null]);
  if (plan.triaged !== null) {
    const to = plan.decision === 'in_behandeling' ? 'actief' : 'afgewezen';
    const reason = plan.decision === 'in_behandeling' ? 'Meerdere domeinen en ketens nodig.' : 'Eén keten volstaat; advies gegeven.';
    events.push([plan.triaged, 'triage', 'triage', to, reason, JSON.stringify({ decision: plan.decision })]);
  }
  if (plan.pastPause) {
    events.push([plan.pastPause.at, 'pause', 'actief', 'actief', null, JSON.stringify({ pauseReason: plan.pastPause.reason })]);
    events.push([plan.pastPause.until, 'resume', 'actief', 'actief', 'Opschorting beëindigd.', null]);
  }
  if (plan.pause) events.push([plan.pause.at, 'pause', 'actief', 'actief', null, JSON.stringify({ pauseReason: plan.pause.reason })]);
  if (plan.monitoringAt !== null) events.push([plan.monitoringAt, 'status', 'actief', 'monitoring', 'Plan van aanpak loopt stabiel.', null]);
  if (plan.status === 'afgesloten') events.push([plan.closedAt!, 'status', 'monitoring', 'afgesloten', plan.closureResult, null]);
  const updatedAt = Math.max(...events.map((e) => e[0]));

  const multiChain = plan.partners.length > 1;
  loader.add('cases', [
    plan.id, plan.number, plan.status, plan.targetGroup, plan.municipality.code,
    encryptField(plan.subject.name, 'subject_name'), searchTokens(plan.subject.name),
    encryptField(plan.subject.birthDate, 'subject_birth_date'),
    plan.subject.address === null ? null : encryptField(plan.subject.address, 'subject_address'),
    plan.reason, plan.goal, true, multiChain,
    plan.targetGroup === 'huiselijk_geweld' || plan.targetGroup === 'jeugd',
    plan.targetGroup === 'high_impact_crime' || plan.targetGroup === 'top_x',
    null, plan.referrerId, plan.referrerOrgId, plan.regisseurId, plan.caseLeadId, plan.decision,
    plan.triaged === null ? null : 'Besluit na triage-overleg.', iso(plan.triaged), plan.pause?.reason ?? null,
    iso(plan.pause?.at ?? null), plan.closureResult, iso(plan.closedAt), events.length, iso(plan.created), iso(updatedAt),
  ]);
  for (const [at, kind, from, to, reason, data] of events) {
    const by = kind === 'status' && to === 'aangemeld' ? plan.referrerId : actor;
    loader.add('case_events', [crypto.randomUUID(), plan.id, kind, from, to, reason, data, by, iso(at)]);
  }
  for (const p of plan.partners) {
    loader.add('case_partners', [
      p.id, plan.id, p.partner.id, 'Betrokken bij de uitvoering van het plan van aanpak.', actor, iso(p.addedAt),
      iso(p.endedAt), p.endedAt === null ? null : actor, p.endedAt === null ? null : 'Bijdrage afgerond.',
    ]);
  }
  const done: { id: string; at: number }[] = [];
  for (const item of plan.items) {
    const meeting = meetings[item.meetingIndex]!;
    const held = meeting.status === 'afgerond';
    const status = held ? (rng.chance(0.92) ? 'besproken' : 'doorgeschoven') : 'open';
    if (status === 'besproken') done.push({ id: item.id, at: item.at });
    const created = item.at - rng.int(3, 10) * DAY;
    loader.add('agenda_items', [
      item.id, meeting.id, item.position, plan.id, 20,
      status === 'besproken' ? rng.pick(MINUTES) : null, status === 'besproken' ? 'Afspraken gemaakt; zie de afsprakenlijst.' : null,
      status, iso(created), iso(held ? item.at + 2 * 3600_000 : created),
    ]);
  }
  discussed.set(plan.id, done);
}
