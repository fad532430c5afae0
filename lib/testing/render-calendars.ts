import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Meeting } from '@/db/schema';
import { meetingFeed, meetingInvitation, type CalendarMeeting, type IcsOptions, type InvitationMeeting } from '@/lib/meetings/ics';

export interface RenderRequest {
  invitations: InvitationMeeting[];
  feed: CalendarMeeting[];
  options: IcsOptions;
}

export interface Rendered {
  /** The zone the rendering process ran in, as its own Intl saw it. */
  processTimeZone: string;
  invitations: string[];
  feed: string;
}

const thisFile = fileURLToPath(import.meta.url);

/**
 * Renders the calendar files in a separate Node process whose TZ is `timeZone`: a process's zone is
 * fixed at its start, and the files must not depend on the zone of the server that makes them.
 */
export function renderUnderTimeZone(timeZone: string, request: RenderRequest): Rendered {
  const out = execFileSync(process.execPath, ['--import', 'tsx', thisFile], {
    cwd: path.resolve(path.dirname(thisFile), '../..'),
    env: { ...process.env, TZ: timeZone },
    input: JSON.stringify(request),
    encoding: 'utf8',
  });
  return JSON.parse(out) as Rendered;
}

const dateFields = ['startsAt', 'endsAt', 'createdAt', 'updatedAt'] as const;
function revive<T extends CalendarMeeting>(entry: T): T {
  const meeting = { ...entry.meeting } as Meeting;
  for (const field of dateFields) meeting[field] = new Date(meeting[field]);
  return { ...entry, meeting };
}

function renderFromStdin(): void {
  const request = JSON.parse(readFileSync(0, 'utf8')) as RenderRequest;
  const options = { ...request.options, now: new Date(request.options.now) };
  const rendered: Rendered = {
    processTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    invitations: request.invitations.map((entry) => meetingInvitation(revive(entry), options)),
    feed: meetingFeed(request.feed.map(revive), options),
  };
  process.stdout.write(JSON.stringify(rendered));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) renderFromStdin();
