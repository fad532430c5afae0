import { beforeAll, describe, expect, it } from 'vitest';
import type { Meeting, MeetingStatus } from '@/db/schema';
import { readWithIcalJs, readWithKhal, readWithPythonIcalendar, type ReadCalendar, type ReadEvent } from '@/lib/testing/calendar-readers';
import { renderUnderTimeZone, type RenderRequest, type Rendered } from '@/lib/testing/render-calendars';
import { amsterdamInstant, amsterdamParts } from './time';

// The clock the files are made at; nothing here reads the real one.
const NOW = new Date('2026-11-20T15:45:00Z');
const UPDATED = new Date('2026-10-02T09:30:00Z');
const BASE = 'https://casusregie.example';
const chair = { name: 'Rita Regie', email: 'regisseur@example.org' };
const invitees = [
  { name: 'Piet Politie', email: 'politie@example.org' },
  { name: 'Gerda GGZ', email: 'ggz@example.org' },
];

function meeting(id: string, date: string, status: MeetingStatus): Meeting {
  return {
    id,
    title: 'Casusoverleg Utrecht-Noord',
    kind: 'casusoverleg',
    status,
    startsAt: amsterdamInstant(date, '10:00'),
    endsAt: amsterdamInstant(date, '12:00'),
    location: 'Veiligheidshuis, zaal 2',
    videoUrl: null,
    chairUserId: '00000000-0000-4000-8000-000000000001',
    minuteTakerUserId: null,
    seriesId: null,
    recurrence: 'geen',
    sequence: 3,
    statusReason: null,
    createdByUserId: '00000000-0000-4000-8000-000000000001',
    version: 4,
    createdAt: new Date('2026-10-01T08:00:00Z'),
    updatedAt: UPDATED,
  } as Meeting;
}

// Winter (CET, UTC+1), summer (CEST, UTC+2), and the Monday after the switch to summer time.
const winter = meeting('11111111-1111-4111-8111-111111111111', '2026-12-14', 'gepland');
const summer = meeting('22222222-2222-4222-8222-222222222222', '2027-07-05', 'concept');
const cancelled = meeting('33333333-3333-4333-8333-333333333333', '2027-03-29', 'geannuleerd');
const all = [winter, summer, cancelled];

const request: RenderRequest = {
  invitations: all.map((m) => ({ meeting: m, organiser: chair, attendees: [...invitees, chair] })),
  feed: all.map((m) => ({ meeting: m, organiser: chair })),
  options: { baseUrl: BASE, now: NOW },
};

/** What the app shows for a meeting: its Amsterdam date and times. */
const shown = (m: Meeting) => ({
  uid: `${m.id}@casusregie`,
  start: `${amsterdamParts(m.startsAt).date} ${amsterdamParts(m.startsAt).time}`,
  end: `${amsterdamParts(m.endsAt).date} ${amsterdamParts(m.endsAt).time}`,
});
const status: Record<string, string> = { [winter.id]: 'CONFIRMED', [summer.id]: 'TENTATIVE', [cancelled.id]: 'CANCELLED' };

// One Node process per zone, shared by the tests below.
const renders = new Map<string, Rendered>();
function render(timeZone: string): Rendered {
  if (!renders.has(timeZone)) renders.set(timeZone, renderUnderTimeZone(timeZone, request));
  return renders.get(timeZone)!;
}

/** The feed and the invitations as python3-icalendar reads them. */
function readWithPython(rendered: Rendered): { feed: ReadCalendar; invitations: ReadCalendar[] } {
  const [feed, ...invitations] = readWithPythonIcalendar([rendered.feed, ...rendered.invitations]);
  return { feed: feed!, invitations };
}

function expectTimes(events: Pick<ReadEvent, 'uid' | 'start' | 'end'>[], meetings: Meeting[]) {
  expect(events.map(({ uid, start, end }) => ({ uid, start, end }))).toEqual(meetings.map(shown));
}

describe.each(['UTC', 'America/New_York', 'Australia/Sydney'])('calendar files made on a server in %s', (timeZone) => {
  let rendered: Rendered;
  beforeAll(() => {
    rendered = render(timeZone);
  });

  it('are made in that time zone (the test would prove nothing otherwise)', () => {
    expect(rendered.processTimeZone).toBe(timeZone);
    expect(shown(winter).start).toBe('2026-12-14 10:00');
    expect(shown(summer).start).toBe('2027-07-05 10:00');
  });

  it('read at the times the app shows, winter and summer, in python3-icalendar', () => {
    const { feed, invitations } = readWithPython(rendered);
    expectTimes(feed.events, all);
    expect(feed.events.map((e) => e.startInstant)).toEqual(all.map((m) => m.startsAt.toISOString().replace('.000Z', 'Z')));
    invitations.forEach((invitation, i) => expectTimes(invitation.events, [all[i]!]));
    // Every TZID has its VTIMEZONE in the same file (RFC 5545 §3.2.19).
    for (const calendar of [feed, ...invitations]) expect(calendar.tzidsUsed.every((tz) => calendar.tzidsDefined.includes(tz))).toBe(true);
  });

  it('read at the times the app shows in khal, set up for a user in Amsterdam', () => {
    expectTimes(readWithKhal(rendered.feed), all);
    rendered.invitations.forEach((text, i) => {
      const [event] = readWithKhal(text);
      expectTimes([event!], [all[i]!]);
      expect(event!.status).toBe(status[all[i]!.id]);
    });
  });

  it('read at the right instants in ical.js, from the file alone', () => {
    const events = readWithIcalJs(rendered.feed);
    expectTimes(events, all);
    expect(events.map((e) => e.startInstant)).toEqual(all.map((m) => m.startsAt.toISOString().replace('.000Z', 'Z')));
  });

  it('are the same bytes whatever the server zone', () => {
    expect(rendered).toEqual({ ...render('UTC'), processTimeZone: timeZone });
  });
});

describe('an invitation (RFC 5546)', () => {
  let feed: ReadCalendar, invitations: ReadCalendar[];
  beforeAll(() => {
    ({ feed, invitations } = readWithPython(render('UTC')));
  });

  it('is a REQUEST naming the chair as organiser and every invitee as attendee, and a CANCEL once cancelled', () => {
    expect(invitations.map((c) => c.method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
    for (const calendar of invitations) {
      const [event] = calendar.events;
      expect(event!.organiser).toBe(chair.email);
      expect(event!.attendees).toEqual(invitees.map((p) => p.email));
    }
  });

  it('says tentative for a concept, confirmed once planned, cancelled when cancelled', () => {
    expect(invitations.map((c) => c.events[0]!.status)).toEqual(['CONFIRMED', 'TENTATIVE', 'CANCELLED']);
    expect(feed.events.map((e) => e.status)).toEqual(['CONFIRMED', 'TENTATIVE', 'CANCELLED']);
  });

  it('is stamped when the file was made; the meeting change is LAST-MODIFIED and SEQUENCE', () => {
    for (const calendar of [feed, ...invitations]) {
      for (const stamp of Object.values(calendar.stamps)) {
        expect(stamp).toEqual({ dtstamp: '2026-11-20T15:45:00Z', lastModified: '2026-10-02T09:30:00Z', sequence: 3 });
      }
    }
  });

  it('is a PUBLISH in the feed, with an organiser on every meeting and no attendees', () => {
    expect(feed.method).toBe('PUBLISH');
    expect(feed.events.map((e) => e.organiser)).toEqual([chair.email, chair.email, chair.email]);
    expect(feed.events.flatMap((e) => e.attendees)).toEqual([]);
  });
});
