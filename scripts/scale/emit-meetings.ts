import type { Directory } from './directory';
import { yieldToLoop, type Loader } from './loader';
import { DAY } from './plan-cases';
import type { MeetingPlan } from './plan-meetings';
import type { Random } from './random';

const HOUR = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Invitees per COPY: a million cases have a million meetings, whose rows would not fit one string. */
const FLUSH_AT = 200_000;

/** Meetings with their invited organisations: the partners of the cases on the agenda. */
export async function emitMeetings(
  rng: Random,
  loader: Loader,
  meetings: MeetingPlan[],
  directory: Directory,
  timed: <T>(fn: () => T) => T = (fn) => fn(),
): Promise<void> {
  // One weekly series per region: its id is that of the region's first meeting.
  const seriesOf = new Map<string, string>();
  for (let from = 0; from < meetings.length; from += 10_000) {
    timed(() => emitSlice(rng, loader, meetings.slice(from, from + 10_000), directory, seriesOf));
    if (loader.pending('meeting_invitees') >= FLUSH_AT) await loader.flush();
    await yieldToLoop();
  }
}

function emitSlice(rng: Random, loader: Loader, meetings: MeetingPlan[], directory: Directory, seriesOf: Map<string, string>): void {
  for (const m of meetings) {
    const series = seriesOf.get(m.region) ?? m.id;
    seriesOf.set(m.region, series);
    const region = directory.regions.get(m.region)!;
    const createdAt = m.startsAt - rng.int(7, 14) * DAY;
    const done = m.status === 'afgerond';
    loader.add('meetings', [
      m.id, `Casusoverleg ${region.name}`, 'casusoverleg', m.status, iso(m.startsAt), iso(m.startsAt + 2 * HOUR),
      `Veiligheidshuis ${region.name}`, m.chairId, region.regisseurs.at(-1)!, series, 'wekelijks',
      m.status === 'concept' ? 0 : m.status === 'geannuleerd' ? 2 : 1,
      m.status === 'geannuleerd' ? 'Te weinig partners beschikbaar.' : null, m.chairId, iso(createdAt),
      iso(done ? m.startsAt + 2 * HOUR + 5 * 60_000 : createdAt),
    ]);
    const invited = new Set<string>();
    for (const plan of m.cases) for (const p of plan.partners) if (p.addedAt <= m.startsAt && invited.size < 15) invited.add(p.partner.id);
    for (const organisationId of invited) {
      const attendance = done ? rng.weighted({ aanwezig: 85, afgemeld: 10, afwezig: 5 }) : null;
      loader.add('meeting_invitees', [crypto.randomUUID(), m.id, organisationId, null, attendance]);
    }
  }
}
