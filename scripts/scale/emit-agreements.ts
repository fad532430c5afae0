import type { AgreementStatus } from '@/db/schema';
import type { PartnerKind } from './directory';
import type { DiscussedItems } from './emit-cases';
import type { Loader } from './loader';
import { DAY, type CasePlan } from './plan-cases';
import type { Random } from './random';
import { AGREEMENTS, BLOCKED_NOTES, DONE_NOTES, MOVE_REASONS, PROGRESS_NOTES } from './vocabulary';
import { isOpenAgreement } from '@/lib/agreements/statuses';

const HOUR = 3600_000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const day = (ms: number) => new Date(ms + 2 * HOUR).toISOString().slice(0, 10);

const DESCRIPTIONS: Record<PartnerKind, string[]> = {
  police: AGREEMENTS.police!, om: AGREEMENTS.om!, reclassering: AGREEMENTS.reclassering!, ggz: AGREEMENTS.ggz!,
  veiligthuis: AGREEMENTS.veiligthuis!, gemeente: AGREEMENTS.gemeente!, woning: AGREEMENTS.woning!,
};

type Outcome = { status: AgreementStatus; finishedAt: number | null };

/**
 * Where an agreement stands now. Agreements of closed cases are finished; in open cases the older ones
 * are mostly done, while a share stays open past its due date: the overdue and stagnating work the
 * signals and the dashboard are about.
 */
function outcome(rng: Random, plan: CasePlan, created: number, due: number, now: number): Outcome {
  const end = Math.min(plan.closedAt ?? now, now);
  const finishAt = (onTime: boolean) =>
    Math.max(created + HOUR, Math.min(end, onTime ? created + (0.3 + 0.7 * rng.next()) * (due - created) : due + rng.int(1, 30) * DAY));
  const finished = (): Outcome => {
    const status = rng.weighted({ gereed: 75, niet_nagekomen: 10, vervallen: 15 });
    return { status, finishedAt: finishAt(status === 'gereed' && rng.chance(0.7)) };
  };
  const open = (): Outcome => ({ status: rng.chance(0.6) ? 'in_uitvoering' : 'open', finishedAt: null });
  if (plan.status === 'afgesloten') return finished();
  if (plan.status === 'monitoring') return rng.chance(0.85) ? finished() : open();
  if (due < now - 60 * DAY) return rng.chance(0.92) ? finished() : open();
  if (due < now) return rng.chance(0.6) ? { status: 'gereed', finishedAt: finishAt(rng.chance(0.6)) } : open();
  return rng.chance(0.1) ? { status: 'gereed', finishedAt: finishAt(true) } : open();
}

/**
 * 5–15 agreements per case that reached a meeting, each owned by a convened partner, born at one of its
 * agenda items, with moved due dates, progress entries (about three per agreement) and the odd blockade.
 */
export function emitAgreements(rng: Random, loader: Loader, plan: CasePlan, discussed: DiscussedItems, now: number): number {
  const items = discussed.get(plan.id) ?? [];
  if (!items.length || !plan.partners.length) return 0;
  const count = rng.int(5, 15);
  const creator = plan.regisseurId ?? plan.referrerId;
  for (let n = 0; n < count; n++) {
    // The first meetings make most agreements.
    const item = items[Math.floor(rng.next() ** 2 * items.length)]!;
    const created = item.at + 2 * HOUR + n * 60_000;
    if (created >= now) continue;
    const convened = plan.partners.filter((p) => p.addedAt <= created && (p.endedAt === null || p.endedAt > created));
    const owner = rng.pick(convened.length ? convened : plan.partners).partner;
    const due = created + rng.int(14, 90) * DAY;
    const r = rng.next();
    const moves = r < 0.04 ? 2 : r < 0.16 ? 1 : 0;
    const steps = Array.from({ length: moves }, () => rng.int(14, 28) * DAY);
    const original = due - steps.reduce((a, b) => a + b, 0);
    const validMoves = original > created + 7 * DAY ? moves : 0;
    const { status, finishedAt } = outcome(rng, plan, created, due, now);
    const openNow = isOpenAgreement(status);
    const id = crypto.randomUUID();
    const blocked = openNow && rng.chance(0.04) ? created + rng.next() * (now - created) : null;

    const actions: [number, string, string][] = [];
    const until = finishedAt ?? now;
    // A third of the open ones went quiet early on: "no progress for ten working days".
    const window = openNow && rng.chance(0.35) ? 0.3 : 1;
    const progressCount = rng.int(0, 5);
    for (let a = 0; a < progressCount; a++) {
      actions.push([created + rng.next() * window * (until - created), 'voortgang', rng.pick(PROGRESS_NOTES)]);
    }
    if (blocked !== null) actions.push([blocked, 'geblokkeerd', rng.pick(BLOCKED_NOTES)]);
    if (status === 'gereed') actions.push([finishedAt!, 'gereed', rng.pick(DONE_NOTES)]);
    actions.sort((a, b) => a[0] - b[0]);
    const lastProgress = actions.length ? actions.at(-1)![0] : null;

    let from = original;
    const moveTimes: number[] = [];
    for (let m = 0; m < validMoves; m++) {
      const at = Math.min(from - rng.int(1, 5) * DAY, now - HOUR);
      const to = from + steps[m]!;
      moveTimes.push(at);
      loader.add('agreement_due_changes', [crypto.randomUUID(), id, day(from), day(to), rng.pick(MOVE_REASONS), creator, iso(Math.max(at, created + HOUR))]);
      from = to;
    }
    const updatedAt = Math.max(created, lastProgress ?? 0, finishedAt ?? 0, ...moveTimes);
    const doneNote = status === 'gereed' ? actions.at(-1)![2] : null;
    loader.add('agreements', [
      id, plan.id, item.id, rng.pick(DESCRIPTIONS[owner.kind]), owner.id, rng.chance(0.3) ? owner.professionalId : null,
      day(due), day(validMoves ? original : due), validMoves, status,
      iso(blocked), blocked === null ? null : actions.find((x) => x[1] === 'geblokkeerd')![2],
      iso(status === 'gereed' ? finishedAt : null), doneNote, iso(lastProgress), creator,
      1 + actions.length + validMoves, iso(created), iso(updatedAt),
    ]);
    for (const [at, kind, note] of actions) {
      loader.add('agreement_actions', [crypto.randomUUID(), id, kind, note, owner.professionalId, owner.id, iso(at)]);
    }
  }
  return count;
}
