import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';

/**
 * Calendar files as software nobody on this project wrote reads them: Debian's python3-icalendar and
 * khal (both must be installed, see .ci/run) and ical.js (the engine of Thunderbird's calendar). Each
 * reader answers in the same shape, with times as the Amsterdam wall clock a Dutch user's calendar shows
 * ('YYYY-MM-DD HH:MM') and, where the reader gives one, the instant as ISO-8601 UTC.
 */
export interface ReadEvent {
  uid: string;
  start: string;
  end: string;
  startInstant?: string;
  status: string;
  organiser?: string;
  attendees?: string[];
}

export interface ReadCalendar {
  method: string | null;
  /** TZIDs the events use, and those the file defines with a VTIMEZONE. */
  tzidsUsed: string[];
  tzidsDefined: string[];
  events: ReadEvent[];
  /** DTSTAMP, LAST-MODIFIED and SEQUENCE per UID, as the reader decoded them. */
  stamps: Record<string, { dtstamp: string; lastModified: string | null; sequence: number }>;
}

const amsterdamClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
/** An instant as the Amsterdam wall clock, by the platform's own time-zone data. */
export const amsterdamWallClock = (instant: Date) => amsterdamClock.format(instant);

// Debian's interpreter, where python3-icalendar lives (a pyenv shim earlier on PATH may lack it).
const PYTHON = '/usr/bin/python3';
const PYTHON_READER = String.raw`
import json, sys, zoneinfo, datetime
import icalendar
ams = zoneinfo.ZoneInfo('Europe/Amsterdam')
def clock(dt): return dt.astimezone(ams).strftime('%Y-%m-%d %H:%M')
def utc(dt): return dt.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
def address(value): return str(value).split(':', 1)[1].lower()
out = []
for text in json.load(sys.stdin):
    cal = icalendar.Calendar.from_ical(text)
    used, events, stamps = set(), [], {}
    for ev in cal.walk('VEVENT'):
        for key in ('DTSTART', 'DTEND'):
            if 'TZID' in ev[key].params: used.add(ev[key].params['TZID'])
        start, end = ev.decoded('DTSTART'), ev.decoded('DTEND')
        attendees = ev.get('ATTENDEE', [])
        attendees = attendees if isinstance(attendees, list) else [attendees]
        uid = str(ev['UID'])
        events.append({'uid': uid, 'start': clock(start), 'end': clock(end), 'startInstant': utc(start),
                       'status': str(ev.get('STATUS', '')), 'organiser': address(ev['ORGANIZER']) if 'ORGANIZER' in ev else None,
                       'attendees': [address(a) for a in attendees]})
        stamps[uid] = {'dtstamp': utc(ev.decoded('DTSTAMP')),
                       'lastModified': utc(ev.decoded('LAST-MODIFIED')) if 'LAST-MODIFIED' in ev else None,
                       'sequence': int(ev.get('SEQUENCE', 0))}
    out.append({'method': str(cal['METHOD']) if 'METHOD' in cal else None, 'tzidsUsed': sorted(used),
                'tzidsDefined': sorted(str(tz['TZID']) for tz in cal.walk('VTIMEZONE')), 'events': events, 'stamps': stamps})
json.dump(out, sys.stdout)
`;

/** Reads calendar files with python3-icalendar (one interpreter for all of them). */
export function readWithPythonIcalendar(texts: string[]): ReadCalendar[] {
  const out = execFileSync(PYTHON, ['-c', PYTHON_READER], { input: JSON.stringify(texts), encoding: 'utf8' });
  return JSON.parse(out) as ReadCalendar[];
}

/** Reads one calendar file with khal, configured like a calendar user in Amsterdam. */
export function readWithKhal(text: string): ReadEvent[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'casusregie-khal-'));
  try {
    const config = path.join(dir, 'khal.conf');
    const file = path.join(dir, 'invitation.ics');
    writeFileSync(
      config,
      [
        '[calendars]',
        '[[casusregie]]',
        `path = ${path.join(dir, 'calendar')}`,
        '[locale]',
        'local_timezone = Europe/Amsterdam',
        'default_timezone = Europe/Amsterdam',
        'timeformat = %H:%M',
        'dateformat = %Y-%m-%d',
        'longdateformat = %Y-%m-%d',
        'datetimeformat = %Y-%m-%d %H:%M',
        'longdatetimeformat = %Y-%m-%d %H:%M',
        '',
      ].join('\n'),
    );
    writeFileSync(file, text);
    const out = execFileSync('khal', ['-c', config, 'printics', '--format', '{uid}|{start}|{end}|{status}', file], {
      encoding: 'utf8',
      env: { ...process.env, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
    });
    return out
      .split('\n')
      .filter((line) => line.includes('|'))
      .map((line) => {
        const [uid, start, end, status] = line.split('|').map((part) => part.trim()) as [string, string, string, string];
        return { uid, start, end, status };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads one calendar file with ical.js, time zones resolved from the file's own VTIMEZONE components. */
export function readWithIcalJs(text: string): ReadEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    // A TZID ical.js cannot resolve reads as floating time, i.e. the reader's own clock: refuse to guess.
    for (const time of [event.startDate, event.endDate]) {
      if (time.zone?.tzid !== 'UTC' && time.zone?.tzid !== 'Europe/Amsterdam') throw new Error(`unresolved time zone ${time.zone?.tzid}`);
    }
    const start = new Date(event.startDate.toUnixTime() * 1000);
    const end = new Date(event.endDate.toUnixTime() * 1000);
    const organiser = vevent.getFirstPropertyValue('organizer');
    return {
      uid: event.uid,
      start: amsterdamWallClock(start),
      end: amsterdamWallClock(end),
      startInstant: start.toISOString().replace('.000Z', 'Z'),
      status: String(vevent.getFirstPropertyValue('status') ?? ''),
      organiser: typeof organiser === 'string' ? organiser.replace(/^mailto:/i, '').toLowerCase() : undefined,
      attendees: vevent.getAllProperties('attendee').map((p) => String(p.getFirstValue()).replace(/^mailto:/i, '').toLowerCase()),
    };
  });
}
