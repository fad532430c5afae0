import { pgEnum } from 'drizzle-orm/pg-core';

export const organisationDomain = pgEnum('organisation_domain', [
  'veiligheidshuis',
  'zorg',
  'veiligheid',
  'gemeente',
  'overig',
]);

export const userRole = pgEnum('user_role', ['admin', 'manager', 'regisseur', 'professional', 'partnerbeheer']);

export const caseStatus = pgEnum('case_status', [
  'aangemeld',
  'triage',
  'actief',
  'monitoring',
  'afgesloten',
  'afgewezen',
]);

export const targetGroup = pgEnum('target_group', [
  'high_impact_crime',
  'top_x',
  'huiselijk_geweld',
  'overlast',
  'veelplegers',
  'nazorg_ex_gedetineerden',
  'radicalisering',
  'verward_gedrag',
  'jeugd',
  'overig',
]);

export const triageDecision = pgEnum('triage_decision', [
  'in_behandeling',
  'advies_aan_melder',
  'doorverwijzen',
  'geen_actie',
]);

export const pauseReason = pgEnum('pause_reason', ['detentie', 'opname', 'wachtlijst']);

export const caseEventKind = pgEnum('case_event_kind', [
  'status',
  'triage',
  'pause',
  'resume',
  'edit',
  // Person matching at referral (drizzle/0032): merged, merge undone, gone on as a case of its own.
  'merge',
  'unmerge',
  'match',
]);

export const auditAction = pgEnum('audit_action', [
  'view',
  'search',
  'create',
  'update',
  'export',
  'sign-in',
  'sign-in-failed',
  'denied',
  'delete',
]);

export const meetingKind = pgEnum('meeting_kind', ['casusoverleg', 'triage_overleg', 'stuurgroep']);

export const meetingStatus = pgEnum('meeting_status', ['concept', 'gepland', 'bezig', 'afgerond', 'geannuleerd']);

export const recurrence = pgEnum('recurrence', ['geen', 'wekelijks', 'tweewekelijks', 'maandelijks']);

export const attendance = pgEnum('attendance', ['aanwezig', 'afgemeld', 'afwezig']);

export const agendaItemStatus = pgEnum('agenda_item_status', ['open', 'besproken', 'doorgeschoven']);

export const agreementStatus = pgEnum('agreement_status', ['open', 'in_uitvoering', 'gereed', 'niet_nagekomen', 'vervallen']);

export const agreementCloseReason = pgEnum('agreement_close_reason', ['niet_meer_mogelijk', 'niet_uitgevoerd']);

export const agreementActionKind = pgEnum('agreement_action_kind', ['voortgang', 'gereed', 'geblokkeerd', 'status']);

export const signalStatus = pgEnum('signal_status', ['open', 'snoozed', 'resolved']);

export const mailStatus = pgEnum('mail_status', ['pending', 'sent', 'failed']);
