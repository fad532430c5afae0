import { TZDate } from '@date-fns/tz';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { Meeting, MeetingStatus } from '@/db/schema';
import { HOUSE_TIME_ZONE } from './time';

export interface CalendarPerson {
  name: string;
  email: string;
}

/** A meeting with its chair, the ORGANIZER every calendar file names (RFC 5546). */
export interface CalendarMeeting {
  meeting: Meeting;
  organiser: CalendarPerson;
}

/** An invitation also names the invitees, as ATTENDEEs. */
export interface InvitationMeeting extends CalendarMeeting {
  attendees: CalendarPerson[];
}

export interface IcsOptions {
  baseUrl: string;
  /** When the file is made: its DTSTAMP (RFC 5545 §3.8.7.2), not when the meeting last changed. */
  now: Date;
}

/**
 * The VTIMEZONE a TZID needs (RFC 5545 §3.2.19), from the maintained IANA-derived library. It files
 * Europe/Amsterdam under its IANA link target Europe/Brussels (same rules), so the block is renamed to the
 * TZID the events carry; a TZID without its own VTIMEZONE is one calendars may guess wrong.
 */
export function vtimezone(tzid: string): string | null {
  const found = tzlib_get_ical_block(tzid);
  const block = Array.isArray(found) ? found[0] : undefined;
  if (!block?.startsWith('BEGIN:VTIMEZONE')) return null;
  return block.replace(/^TZID:.*$/m, `TZID:${tzid}`).replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${tzid}`);
}

// RFC 5545 §3.8.1.11: a concept is not yet fixed, so calendars show it as tentative.
const eventStatus: Record<MeetingStatus, ICalEventStatus> = {
  concept: ICalEventStatus.TENTATIVE,
  gepland: ICalEventStatus.CONFIRMED,
  bezig: ICalEventStatus.CONFIRMED,
  afgerond: ICalEventStatus.CONFIRMED,
  geannuleerd: ICalEventStatus.CANCELLED,
};

/** An instant as Amsterdam wall-clock time: ical-generator writes a TZDate's own zone, not the server's. */
const houseTime = (instant: Date) => new TZDate(instant.getTime(), HOUSE_TIME_ZONE);

function newCalendar(name: string, method: ICalCalendarMethod): ICalCalendar {
  return ical({
    name,
    method,
    prodId: { company: 'Casusregie', product: 'casusregie', language: 'NL' },
    timezone: { name: null, generator: vtimezone },
  });
}

function addEvent(calendar: ICalCalendar, { meeting, organiser }: CalendarMeeting, options: IcsOptions, attendees: CalendarPerson[]) {
  const link = `${options.baseUrl}/meetings/${meeting.id}`;
  // No case numbers or names in a calendar: calendars sync to places the house does not control.
  calendar.createEvent({
    id: `${meeting.id}@casusregie`,
    sequence: meeting.sequence,
    stamp: options.now,
    lastModified: meeting.updatedAt,
    start: houseTime(meeting.startsAt),
    end: houseTime(meeting.endsAt),
    timezone: HOUSE_TIME_ZONE,
    summary: meeting.title,
    location: meeting.location ?? meeting.videoUrl ?? undefined,
    description: `Agenda en stukken in Casusregie: ${link}`,
    url: link,
    status: eventStatus[meeting.status],
    organizer: organiser,
    attendees: attendees
      .filter((person) => person.email.toLowerCase() !== organiser.email.toLowerCase())
      .map((person) => ({ ...person, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION })),
  });
}

/**
 * One meeting as an invitation (RFC 5546): REQUEST while it stands, CANCEL once cancelled, both naming
 * the chair as ORGANIZER and every invitee as ATTENDEE; SEQUENCE says which version is newer.
 */
export function meetingInvitation(entry: InvitationMeeting, options: IcsOptions): string {
  const method = entry.meeting.status === 'geannuleerd' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const calendar = newCalendar('Casusregie', method);
  addEvent(calendar, entry, options, entry.attendees);
  return calendar.toString();
}

/** A personal feed of the meetings someone is invited to: PUBLISH, which names an organiser and no attendees. */
export function meetingFeed(entries: CalendarMeeting[], options: IcsOptions): string {
  const calendar = newCalendar('Casusregie overleggen', ICalCalendarMethod.PUBLISH);
  for (const entry of entries) addEvent(calendar, entry, options, []);
  return calendar.toString();
}
