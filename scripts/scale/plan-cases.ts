import type { CaseStatus, PauseReason, TargetGroup, TriageDecision } from '@/db/schema';
import { formatCaseNumber } from '@/lib/cases/case-number';
import type { Directory, Municipality, Partner, PartnerKind, Region } from './directory';
import type { Random } from './random';
import { CLOSURE_RESULTS, FIRST_NAMES, PARTICLES, REASONS, STREETS, SURNAMES, subjectNameFrom } from './vocabulary';

export const DAY = 24 * 60 * 60 * 1000;

/** Target groups in about the proportions a house sees them (the demo has one or two of each). */
const TARGET_GROUP_WEIGHTS: Record<TargetGroup, number> = {
  huiselijk_geweld: 18, overlast: 16, verward_gedrag: 14, high_impact_crime: 10, veelplegers: 10,
  nazorg_ex_gedetineerden: 10, jeugd: 9, top_x: 5, radicalisering: 3, overig: 5,
};

/** Which partners a target group usually needs, beyond the municipality. */
const PARTNER_WEIGHTS: Record<TargetGroup, Partial<Record<PartnerKind, number>>> = {
  huiselijk_geweld: { veiligthuis: 9, police: 7, ggz: 5, om: 3, woning: 1 },
  overlast: { woning: 8, police: 6, ggz: 5, veiligthuis: 1 },
  verward_gedrag: { ggz: 9, police: 6, woning: 4 },
  high_impact_crime: { police: 9, om: 8, reclassering: 6 },
  veelplegers: { police: 9, om: 7, reclassering: 7, ggz: 3 },
  nazorg_ex_gedetineerden: { reclassering: 9, woning: 6, ggz: 3, police: 2 },
  jeugd: { police: 6, ggz: 5, veiligthuis: 4, om: 3 },
  top_x: { police: 9, om: 8, reclassering: 6, ggz: 2 },
  radicalisering: { police: 9, om: 4, ggz: 5 },
  overig: { ggz: 5, police: 4, woning: 4 },
};

export interface PartnerPlan {
  id: string;
  partner: Partner;
  addedAt: number;
  endedAt: number | null;
}

export interface CasePlan {
  id: string;
  number: string;
  municipality: Municipality;
  region: Region;
  targetGroup: TargetGroup;
  status: CaseStatus;
  subject: { name: string; birthDate: string; address: string | null };
  reason: string;
  goal: string;
  referrerId: string;
  referrerOrgId: string;
  regisseurId: string | null;
  caseLeadId: string | null;
  created: number;
  triageStart: number | null;
  triaged: number | null;
  decision: TriageDecision | null;
  monitoringAt: number | null;
  closedAt: number | null;
  closureResult: string | null;
  /** The current pause (clock stopped), if any. */
  pause: { reason: PauseReason; at: number } | null;
  /** An earlier pause that has ended. */
  pastPause: { reason: PauseReason; at: number; until: number } | null;
  partners: PartnerPlan[];
  /** Moments the case is on a meeting's agenda (planned; the meeting plan fixes the exact time). */
  discussions: number[];
  /** Filled by the meeting plan: the agenda items of this case. */
  items: { id: string; meetingIndex: number; at: number; position: number }[];
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function pickMunicipality(rng: Random, municipalities: Municipality[], totalWeight: number): Municipality {
  let r = rng.next() * totalWeight;
  for (const m of municipalities) {
    r -= m.weight;
    if (r < 0) return m;
  }
  return municipalities.at(-1)!;
}

function subject(rng: Random, targetGroup: TargetGroup, created: number, municipality: Municipality) {
  const name = subjectNameFrom(rng.pick(FIRST_NAMES), rng.pick(PARTICLES), rng.pick(SURNAMES));
  const age = targetGroup === 'jeugd' ? rng.int(12, 22) : rng.int(18, 75);
  const birth = created - age * 365.25 * DAY - rng.int(0, 364) * DAY;
  const address = rng.chance(0.85) ? `${rng.pick(STREETS)} ${rng.int(1, 250)}, ${municipality.name}` : null;
  return { name, birthDate: isoDay(birth), address };
}

/** The partners convened to a case: the municipality, then 2–4 more as the target group needs. */
function choosePartners(rng: Random, plan: Pick<CasePlan, 'targetGroup' | 'region' | 'municipality'>, directory: Directory, referrer: Partner | null) {
  const chosen = new Map<string, Partner>();
  chosen.set(directory.gemeente.get(plan.municipality.code)!.id, directory.gemeente.get(plan.municipality.code)!);
  if (referrer) chosen.set(referrer.id, referrer);
  const want = rng.int(3, 5);
  const weights = { ...PARTNER_WEIGHTS[plan.targetGroup] } as Record<string, number>;
  while (chosen.size < want && Object.keys(weights).length > 0) {
    const kind = rng.weighted(weights) as PartnerKind;
    delete weights[kind];
    const partner = kind === 'reclassering' ? directory.reclassering : plan.region.partners[kind as keyof Region['partners']];
    chosen.set(partner.id, partner);
  }
  return [...chosen.values()];
}

/**
 * One case's life, from referral to where it stands now. Durations are drawn so that about four in five
 * cases of ten years are closed (afgesloten or afgewezen) and the open ones spread over every status,
 * with some referrals left unanswered and some cases paused.
 */
function planCase(rng: Random, directory: Directory, municipality: Municipality, created: number, now: number): CasePlan {
  const region = directory.regions.get(municipality.region)!;
  const targetGroup = rng.weighted(TARGET_GROUP_WEIGHTS);
  const regisseurId = rng.pick(region.regisseurs);
  const referrerKind = rng.weighted({ police: 30, veiligthuis: 15, ggz: 15, gemeente: 20, reclassering: 10, regisseur: 10 });
  const referrer: Partner | null =
    referrerKind === 'regisseur' ? null
    : referrerKind === 'gemeente' ? directory.gemeente.get(municipality.code)!
    : referrerKind === 'reclassering' ? directory.reclassering
    : region.partners[referrerKind];
  const texts = rng.pick(REASONS[targetGroup]);
  // 10% of referrals wait long for triage: the "referral unanswered" rule must have something to find.
  const triageStart = created + (rng.chance(0.9) ? rng.int(0, 3) : rng.int(4, 25)) * DAY + rng.int(1, 8) * 3600_000;
  const triaged = triageStart + rng.int(1, 9) * DAY;
  const decision: TriageDecision = rng.weighted({ in_behandeling: 88, advies_aan_melder: 5, doorverwijzen: 4, geen_actie: 3 });
  const monitoringAt = triaged + rng.int(120, 900) * DAY;
  const closedAt = monitoringAt + rng.int(30, 240) * DAY;

  let status: CaseStatus;
  if (now < triageStart) status = 'aangemeld';
  else if (now < triaged) status = 'triage';
  else if (decision !== 'in_behandeling') status = 'afgewezen';
  else if (now < monitoringAt) status = 'actief';
  else if (now < closedAt) status = 'monitoring';
  else status = 'afgesloten';

  const reached = (at: number) => at <= now;
  const inTreatment = decision === 'in_behandeling' && reached(triaged);
  const plan: CasePlan = {
    id: crypto.randomUUID(),
    number: '',
    municipality,
    region,
    targetGroup,
    status,
    subject: subject(rng, targetGroup, created, municipality),
    reason: texts.reason,
    goal: texts.goal,
    referrerId: referrer?.professionalId ?? regisseurId,
    referrerOrgId: referrer?.id ?? directory.houseOrgId,
    regisseurId: status === 'aangemeld' && rng.chance(0.5) ? null : regisseurId,
    caseLeadId: null,
    created,
    triageStart: reached(triageStart) ? triageStart : null,
    triaged: reached(triaged) ? triaged : null,
    decision: reached(triaged) ? decision : null,
    monitoringAt: inTreatment && reached(monitoringAt) ? monitoringAt : null,
    closedAt: status === 'afgewezen' ? triaged : status === 'afgesloten' ? closedAt : null,
    closureResult: status === 'afgesloten' ? rng.pick(CLOSURE_RESULTS) : null,
    pause: null,
    pastPause: null,
    partners: [],
    discussions: [],
    items: [],
  };
  if (!inTreatment) return plan;

  const end = Math.min(plan.closedAt ?? now, now);
  for (const partner of choosePartners(rng, plan, directory, referrer)) {
    const addedAt = triaged + rng.int(1, 10) * DAY;
    if (addedAt > now) continue;
    const endedAt = rng.chance(0.08) ? Math.min(addedAt + rng.int(30, 200) * DAY, end) : null;
    plan.partners.push({ id: crypto.randomUUID(), partner, addedAt, endedAt: endedAt !== null && endedAt > addedAt ? endedAt : null });
  }
  if (rng.chance(0.3) && plan.partners.length) plan.caseLeadId = rng.pick(plan.partners).partner.professionalId;
  if (status === 'actief' && rng.chance(0.07)) {
    plan.pause = { reason: rng.weighted({ detentie: 5, opname: 3, wachtlijst: 2 }), at: now - rng.int(5, 120) * DAY };
    if (plan.pause.at < triaged) plan.pause.at = triaged + DAY;
  } else if (rng.chance(0.05)) {
    const at = triaged + rng.int(20, 100) * DAY;
    const until = at + rng.int(10, 90) * DAY;
    if (until < end) plan.pastPause = { reason: rng.weighted({ detentie: 5, opname: 3, wachtlijst: 2 }), at, until };
  }
  // On the agenda after triage, then every five to twelve weeks; open cases also have their next one planned.
  const horizon = plan.closedAt ?? now + 28 * DAY;
  for (let at = triaged + rng.int(5, 14) * DAY; at < horizon && plan.discussions.length < 40; at += rng.int(35, 84) * DAY) {
    plan.discussions.push(at);
  }
  return plan;
}

/**
 * N cases spread over the years up to now, oldest first, numbered per year after the numbers already
 * given out (`lastNumber`: year → last sequence), which is updated.
 */
export function planCases(
  rng: Random,
  directory: Directory,
  options: { cases: number; years: number; now: number },
  lastNumber: Map<number, number>,
): CasePlan[] {
  const span = options.years * 365.25 * DAY;
  const totalWeight = directory.municipalities.reduce((sum, m) => sum + m.weight, 0);
  const createdAt: number[] = [];
  // Slightly more cases in recent years, as the houses grew.
  for (let i = 0; i < options.cases; i++) createdAt.push(options.now - span * (1 - Math.pow(rng.next(), 0.85)));
  createdAt.sort((a, b) => a - b);
  return createdAt.map((created) => {
    const plan = planCase(rng, directory, pickMunicipality(rng, directory.municipalities, totalWeight), created, options.now);
    // The year in Amsterdam, to the hour: the number is only an identifier, a minute off at New Year is fine.
    const year = new Date(created + 3600_000).getUTCFullYear();
    const next = (lastNumber.get(year) ?? 0) + 1;
    lastNumber.set(year, next);
    plan.number = formatCaseNumber(year, next);
    return plan;
  });
}
