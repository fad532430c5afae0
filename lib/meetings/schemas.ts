import { attendance, meetingKind, recurrence } from '@/db/schema';
import { z } from '@/lib/validation/zod';

export const MEETING_KINDS = meetingKind.enumValues;
export const RECURRENCES = recurrence.enumValues;
export const ATTENDANCE = attendance.enumValues;

const isoDate = z
  .string({ message: 'Vul een datum in.' })
  .min(1, { message: 'Vul een datum in.', abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Gebruik de vorm JJJJ-MM-DD.')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { message: 'Deze datum bestaat niet.' });
const time = z.string({ message: 'Vul een tijd in.' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Gebruik de vorm UU:MM.');
const optionalText = (max: number) =>
  z.string().trim().max(max, `Maximaal ${max} tekens.`).transform((v) => (v === '' ? null : v)).nullable().optional();
const version = z.number({ message: 'Geef de versie mee die je hebt gelezen.' }).int().positive();

const when = {
  date: isoDate,
  startTime: time,
  endTime: time,
  location: optionalText(300),
  videoUrl: z
    .union([z.literal(''), z.url({ protocol: /^https$/, message: 'Gebruik een https-link.' })])
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
};
const endsAfterStart = {
  check: (v: { startTime?: string; endTime?: string }) => !v.startTime || !v.endTime || v.endTime > v.startTime,
  params: { path: ['endTime'], message: 'Het overleg eindigt vóór het begint.' },
};

export const createMeetingSchema = z
  .strictObject({
    title: z.string({ message: 'Geef het overleg een titel.' }).trim().min(3, 'Geef het overleg een titel.').max(200),
    kind: z.enum(MEETING_KINDS, { message: 'Kies het soort overleg.' }),
    ...when,
    chairUserId: z.uuid({ message: 'Kies een voorzitter.' }),
    minuteTakerUserId: z.uuid({ message: 'Kies een notulist.' }).nullable().optional(),
    recurrence: z.enum(RECURRENCES, { message: 'Kies een herhaling.' }).default('geen'),
    invitedOrganisationIds: z.array(z.uuid({ message: 'Onbekende organisatie.' })).max(30).default([]),
    caseIds: z.array(z.uuid({ message: 'Onbekende casus.' })).max(40).default([]),
  })
  .refine(endsAfterStart.check, endsAfterStart.params);
export type CreateMeetingInput = z.infer<typeof createMeetingSchema>;

export const rescheduleSchema = z.strictObject({ ...when, version }).refine(endsAfterStart.check, endsAfterStart.params);
export type RescheduleInput = z.infer<typeof rescheduleSchema>;

const reason = z.string({ message: 'Geef een reden.' }).trim().min(3, 'Geef een reden.').max(1000);
export const meetingTransitionSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('plan'), version }),
    // More than a day before its date, starting takes an explicit confirmation (lib/meetings/start-early.ts).
    z.strictObject({ action: z.literal('start'), confirmEarly: z.boolean({ message: 'Bevestig met true of false.' }).optional(), version }),
    z.strictObject({ action: z.literal('finish'), version }),
    z.strictObject({ action: z.literal('cancel'), reason, version }),
    z.strictObject({ action: z.literal('reopen'), reason, version }),
  ],
  { message: 'Onbekende actie.' },
);
export type MeetingTransitionInput = z.infer<typeof meetingTransitionSchema>;

export const agendaItemSchema = z
  .strictObject({
    caseId: z.uuid({ message: 'Kies een casus.' }).nullable().optional(),
    topic: optionalText(300),
    durationMinutes: z.coerce.number({ message: 'Vul een duur in minuten in.' }).int().min(5, 'Minimaal 5 minuten.').max(180, 'Maximaal 180 minuten.').default(15),
    presenterUserId: z.uuid({ message: 'Kies een inbrenger.' }).nullable().optional(),
  })
  .refine((v) => Boolean(v.caseId) !== Boolean(v.topic), { path: ['caseId'], message: 'Kies een casus óf vul een onderwerp in.' });
export type AgendaItemInput = z.infer<typeof agendaItemSchema>;

export const recordItemSchema = z.strictObject({
  minutes: z.string().max(20000, 'Maximaal 20.000 tekens.').optional(),
  outcome: z.string().max(4000, 'Maximaal 4000 tekens.').optional(),
  status: z.enum(['open', 'besproken'], { message: 'Kies open of besproken.' }).optional(),
  version,
});
export type RecordItemInput = z.infer<typeof recordItemSchema>;

export const inviteSchema = z.strictObject({
  organisationId: z.uuid({ message: 'Kies een organisatie.' }),
  userId: z.uuid({ message: 'Kies een persoon.' }).nullable().optional(),
});
export type InviteInput = z.infer<typeof inviteSchema>;

export const attendanceSchema = z.strictObject({
  organisationId: z.uuid({ message: 'Kies een organisatie.' }),
  attendance: z.enum(ATTENDANCE, { message: 'Kies aanwezig, afgemeld of afwezig.' }),
});
export type AttendanceInput = z.infer<typeof attendanceSchema>;

export const meetingIdSchema = z.uuid({ message: 'Geen geldige overleg-id (verwacht een UUID).' });
