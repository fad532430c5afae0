import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Meeting } from '@/db/schema';

export interface IcsOptions {
  baseUrl: string;
  organiser?: { name: string; email: string };
}

function event(calendar: ReturnType<typeof ical>, meeting: Meeting, options: IcsOptions) {
  // No case numbers or names in a calendar: calendars sync to places the house does not control.
  calendar.createEvent({
    id: `${meeting.id}@casusregie`,
    sequence: meeting.sequence,
    start: meeting.startsAt,
    end: meeting.endsAt,
    timezone: 'Europe/Amsterdam',
    summary: meeting.title,
    location: meeting.location ?? meeting.videoUrl ?? undefined,
    description: `Agenda en stukken in Casusregie: ${options.baseUrl}/meetings/${meeting.id}`,
    url: `${options.baseUrl}/meetings/${meeting.id}`,
    status: meeting.status === 'geannuleerd' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: options.organiser,
    stamp: meeting.updatedAt,
  });
}

/** One meeting as an invitation: REQUEST while planned, CANCEL once cancelled; SEQUENCE says which is newer. */
export function meetingInvitation(meeting: Meeting, options: IcsOptions): string {
  const calendar = ical({ name: 'Casusregie', prodId: { company: 'Casusregie', product: 'casusregie', language: 'NL' } });
  calendar.method(meeting.status === 'geannuleerd' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  event(calendar, meeting, options);
  return calendar.toString();
}

/** A personal feed of the meetings someone is invited to. */
export function meetingFeed(meetings: Meeting[], options: IcsOptions): string {
  const calendar = ical({ name: 'Casusregie overleggen', prodId: { company: 'Casusregie', product: 'casusregie', language: 'NL' } });
  calendar.method(ICalCalendarMethod.PUBLISH);
  for (const meeting of meetings) event(calendar, meeting, options);
  return calendar.toString();
}
