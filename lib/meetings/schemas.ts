import { attendance, meetingKind, recurrence } from '@/db/schema';
import { z } from '@/lib/validation/zod';
import { msg } from '@/lib/errors';

export const MEETING_KINDS = meetingKind.enumValues;
export const RECURRENCES = recurrence.enumValues;
export const ATTENDANCE = attendance.enumValues;

const isoDate = z
  .string({ message: msg('common.fillInDate') })
  .min(1, { message: msg('common.fillInDate'), abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg('common.useDateFormat'))
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { message: msg('common.dateDoesNotExist') });
const time = z.string({ message: msg('meetings.fillInTime') }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, msg('meetings.useTimeFormat'));
const optionalText = (max: number) =>
  z.string().trim().max(max, msg('common.maxChars', { max })).transform((v) => (v === '' ? null : v)).nullable().optional();
const version = z.number({ message: msg('common.versionMissing') }).int().positive();

const when = {
  date: isoDate,
  startTime: time,
  endTime: time,
  location: optionalText(300),
  videoUrl: z
    .union([z.literal(''), z.url({ protocol: /^https$/, message: msg('meetings.useHttpsLink') })])
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
};
const endsAfterStart = {
  check: (v: { startTime?: string; endTime?: string }) => !v.startTime || !v.endTime || v.endTime > v.startTime,
  params: { path: ['endTime'], message: msg('meetings.endsBeforeStart') },
};

export const createMeetingSchema = z
  .strictObject({
    title: z.string({ message: msg('meetings.giveTitle') }).trim().min(3, msg('meetings.giveTitle')).max(200),
    kind: z.enum(MEETING_KINDS, { message: msg('meetings.chooseKind') }),
    ...when,
    chairUserId: z.uuid({ message: msg('meetings.chooseChair') }),
    minuteTakerUserId: z.uuid({ message: msg('meetings.chooseMinuteTaker') }).nullable().optional(),
    recurrence: z.enum(RECURRENCES, { message: msg('meetings.chooseRecurrence') }).default('geen'),
    invitedOrganisationIds: z.array(z.uuid({ message: msg('common.unknownOrganisation') })).max(30).default([]),
    caseIds: z.array(z.uuid({ message: msg('common.unknownCase') })).max(40).default([]),
  })
  .refine(endsAfterStart.check, endsAfterStart.params);
export type CreateMeetingInput = z.infer<typeof createMeetingSchema>;

export const rescheduleSchema = z.strictObject({ ...when, version }).refine(endsAfterStart.check, endsAfterStart.params);
export type RescheduleInput = z.infer<typeof rescheduleSchema>;

const reason = z.string({ message: msg('meetings.giveReason') }).trim().min(3, msg('meetings.giveReason')).max(1000);
export const meetingTransitionSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('plan'), version }),
    // More than a day before its date, starting takes an explicit confirmation (lib/meetings/start-early.ts).
    z.strictObject({ action: z.literal('start'), confirmEarly: z.boolean({ message: msg('meetings.confirmTrueFalse') }).optional(), version }),
    z.strictObject({ action: z.literal('finish'), version }),
    z.strictObject({ action: z.literal('cancel'), reason, version }),
    z.strictObject({ action: z.literal('reopen'), reason, version }),
  ],
  { message: msg('common.unknownAction') },
);
export type MeetingTransitionInput = z.infer<typeof meetingTransitionSchema>;

export const agendaItemSchema = z
  .strictObject({
    caseId: z.uuid({ message: msg('meetings.chooseCase') }).nullable().optional(),
    topic: optionalText(300),
    durationMinutes: z.coerce.number({ message: msg('meetings.fillInDuration') }).int().min(5, msg('meetings.min5Minutes')).max(180, msg('meetings.max180Minutes')).default(15),
    presenterUserId: z.uuid({ message: msg('meetings.chooseIntroducer') }).nullable().optional(),
  })
  .refine((v) => Boolean(v.caseId) !== Boolean(v.topic), { path: ['caseId'], message: msg('meetings.chooseCaseOrTopic') });
export type AgendaItemInput = z.infer<typeof agendaItemSchema>;

export const recordItemSchema = z.strictObject({
  minutes: z.string().max(20000, msg('meetings.max20000')).optional(),
  outcome: z.string().max(4000, msg('meetings.max4000')).optional(),
  status: z.enum(['open', 'besproken'], { message: msg('meetings.chooseOpenOrDiscussed') }).optional(),
  version,
});
export type RecordItemInput = z.infer<typeof recordItemSchema>;

export const inviteSchema = z.strictObject({
  organisationId: z.uuid({ message: msg('common.chooseOrganisation') }),
  userId: z.uuid({ message: msg('meetings.choosePerson') }).nullable().optional(),
});
export type InviteInput = z.infer<typeof inviteSchema>;

export const attendanceSchema = z.strictObject({
  organisationId: z.uuid({ message: msg('common.chooseOrganisation') }),
  attendance: z.enum(ATTENDANCE, { message: msg('common.chooseAttendance') }),
});
export type AttendanceInput = z.infer<typeof attendanceSchema>;

export const meetingIdSchema = z.uuid({ message: msg('meetings.invalidId') });
