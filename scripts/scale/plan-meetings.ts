import type { MeetingStatus } from '@/db/schema';
import { amsterdamInstant } from '@/lib/meetings/time';
import { DAY, type CasePlan } from './plan-cases';
import type { Random } from './random';

/** Up to this many cases on one casusoverleg; a busy week gets more meetings. */
const CASES_PER_MEETING = 8;
/** Which weekday (0 = Monday) and time the 1st, 2nd, … meeting of a week in one region takes place. */
const SLOTS: [number, string][] = [[1, '10:00'], [3, '10:00'], [1, '13:30'], [3, '13:30'], [2, '10:00'], [0, '13:30'], [4, '10:00']];

export interface MeetingPlan {
  id: string;
  region: string;
  chairId: string;
  startsAt: number;
  status: MeetingStatus;
  /** Cases on the agenda, in order. */
  cases: CasePlan[];
}

function mondayOf(ms: number): string {
  const d = new Date(ms);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - back)).toISOString().slice(0, 10);
}

// Time-zone conversion is slow and the same few thousand (day, time) pairs recur across regions.
const instants = new Map<string, number>();
function meetingInstant(day: string, time: string): number {
  const key = `${day} ${time}`;
  let at = instants.get(key);
  if (at === undefined) {
    at = amsterdamInstant(day, time).getTime();
    instants.set(key, at);
  }
  return at;
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/**
 * Groups the planned discussions of all cases into weekly casusoverleggen per safety region, at most
 * eight cases each, and gives every case its agenda items. Past meetings are afgerond (a few were
 * cancelled), those of the coming two weeks gepland, later ones still concept.
 */
export function planMeetings(rng: Random, plans: CasePlan[], now: number): MeetingPlan[] {
  const buckets = new Map<string, CasePlan[]>();
  for (const plan of plans) {
    for (const at of plan.discussions) {
      const key = `${plan.region.code}|${mondayOf(at)}`;
      const list = buckets.get(key);
      if (list) list.push(plan);
      else buckets.set(key, [plan]);
    }
  }
  const meetings: MeetingPlan[] = [];
  const keys = [...buckets.keys()].sort((a, b) => (a.slice(5) < b.slice(5) ? -1 : a.slice(5) > b.slice(5) ? 1 : a < b ? -1 : 1));
  for (const key of keys) {
    const [region, monday] = key.split('|') as [string, string];
    const cases = buckets.get(key)!;
    for (let start = 0, slot = 0; start < cases.length; start += CASES_PER_MEETING, slot++) {
      const [weekday, time] = SLOTS[slot % SLOTS.length]!;
      const startsAt = meetingInstant(addDays(monday, weekday + 7 * Math.floor(slot / SLOTS.length)), time);
      const onAgenda = cases.slice(start, start + CASES_PER_MEETING);
      const status: MeetingStatus =
        startsAt < now - DAY ? (rng.chance(0.02) ? 'geannuleerd' : 'afgerond') : startsAt < now + 14 * DAY ? 'gepland' : 'concept';
      const meeting: MeetingPlan = { id: crypto.randomUUID(), region, chairId: onAgenda[0]!.regisseurId ?? onAgenda[0]!.referrerId, startsAt, status, cases: onAgenda };
      const index = meetings.push(meeting) - 1;
      onAgenda.forEach((plan, i) => plan.items.push({ id: crypto.randomUUID(), meetingIndex: index, at: startsAt, position: i + 1 }));
    }
  }
  return meetings;
}
