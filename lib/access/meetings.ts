import type { PolicyTable } from './outcome';

/*
 * Meetings and their agenda items. Regisseurs plan and run every meeting; a professional reads the
 * meetings their organisation is invited to (not a concept), and of those only the agenda items of
 * cases their organisation is convened to (RLS filters the items). Managers and admins do not take part.
 */

/** How the actor's organisation stands to a meeting: invited to it (and it is no longer a concept), or not. */
export const MEETING_RELATIONS = ['invited', 'none'] as const;
export type MeetingRelation = (typeof MEETING_RELATIONS)[number];

export const MEETING_ACTIONS = [
  'meeting.list',
  'meeting.create',
  // Propose the agenda of a meeting (the cases that are due).
  'agendaItem.propose',
] as const;
export const MEETING_RELATED_ACTIONS = [
  'meeting.view',
  'meeting.manage',
  'agendaItem.view',
  // Minutes of an item while the meeting runs: the chair only; anyone else does not learn the item exists.
  'agendaItem.minutes',
] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number] | (typeof MEETING_RELATED_ACTIONS)[number];

const hidden = { invited: 'not-found', none: 'not-found' } as const;
const chair = { invited: 'allow', none: 'allow' } as const;

export const MEETING_POLICY: PolicyTable<(typeof MEETING_ACTIONS)[number]> &
  PolicyTable<(typeof MEETING_RELATED_ACTIONS)[number], MeetingRelation> = {
  regisseur: {
    'meeting.list': 'allow',
    'meeting.create': 'allow',
    'agendaItem.propose': 'allow',
    'meeting.view': chair,
    'meeting.manage': chair,
    'agendaItem.view': chair,
    'agendaItem.minutes': chair,
  },
  professional: {
    'meeting.list': 'shared',
    'meeting.create': 'forbidden',
    'agendaItem.propose': 'forbidden',
    'meeting.view': { invited: 'shared', none: 'not-found' },
    'meeting.manage': { invited: 'forbidden', none: 'not-found' },
    'agendaItem.view': { invited: 'shared', none: 'not-found' },
    'agendaItem.minutes': hidden,
  },
  manager: {
    'meeting.list': 'forbidden',
    'meeting.create': 'forbidden',
    'agendaItem.propose': 'forbidden',
    'meeting.view': hidden,
    'meeting.manage': hidden,
    'agendaItem.view': hidden,
    'agendaItem.minutes': hidden,
  },
  admin: {
    'meeting.list': 'forbidden',
    'meeting.create': 'forbidden',
    'agendaItem.propose': 'forbidden',
    'meeting.view': hidden,
    'meeting.manage': hidden,
    'agendaItem.view': hidden,
    'agendaItem.minutes': hidden,
  },
  partnerbeheer: {
    'meeting.list': 'forbidden',
    'meeting.create': 'forbidden',
    'agendaItem.propose': 'forbidden',
    'meeting.view': hidden,
    'meeting.manage': hidden,
    'agendaItem.view': hidden,
    'agendaItem.minutes': hidden,
  },
};
