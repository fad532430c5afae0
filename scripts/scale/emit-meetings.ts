import type { Directory } from './directory';
import type { Loader } from './loader';
import { DAY } from './plan-cases';
import type { MeetingPlan } from './plan-meetings';
import type { Random } from './random';

const HOUR = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Meetings with their invited organisations: the partners of the cases on the agenda. */
export function emitMeetings(rng: Random, loader: Loader, meetings: MeetingPlan[], directory: Directory): void {
  const seriesOf = new Map<string, string>();
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
