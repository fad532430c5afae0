import { z } from '@/lib/validation/zod';
import { agreementCloseReason, agreementStatus } from '@/db/enums';
import { msg } from '@/lib/errors';

export const AGREEMENT_STATUSES = agreementStatus.enumValues;
/** Why an agreement was not done: changed circumstances, or the partner did not carry it out. */
export const CLOSE_REASONS = agreementCloseReason.enumValues;
export type CloseReason = (typeof CLOSE_REASONS)[number];

const isoDate = z
  .string({ message: msg('common.fillInDate') })
  .min(1, { message: msg('common.fillInDate'), abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg('common.useDateFormat'))
  // Runs also after the pattern failed: an unparseable value must not throw (a 500) but fail.
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
    message: msg('common.dateDoesNotExist'),
  });

// "Not in the past" is the domain's check (create-agreement.ts, update-agreement.ts), against the
// caller's clock: a schema reads no clock, so every test and every path judges by the same day.
const dueDate = isoDate;

export const createAgreementSchema = z.strictObject({
  description: z.string({ message: msg('agreements.describe') }).trim().min(3, msg('agreements.describe')).max(2000, msg('agreements.max2000')),
  ownerOrganisationId: z.uuid({ message: msg('agreements.chooseOwnerOrganisation') }),
  ownerUserId: z.uuid({ message: msg('common.chooseProfessional') }).nullable().optional(),
  dueDate,
  agendaItemId: z.uuid({ message: msg('agreements.invalidAgendaItem') }).nullable().optional(),
  meetingId: z.uuid({ message: msg('agreements.invalidMeeting') }).nullable().optional(),
});
export type CreateAgreementInput = z.infer<typeof createAgreementSchema>;

export const updateAgreementSchema = z
  .strictObject({
    description: z.string().trim().min(3, msg('agreements.describe')).max(2000, msg('agreements.max2000')).optional(),
    dueDate: dueDate.optional(),
    dueDateReason: z.string().trim().min(3, msg('agreements.giveDueDateReason')).max(1000).optional(),
    ownerOrganisationId: z.uuid({ message: msg('agreements.chooseOwnerOrganisation') }).optional(),
    ownerUserId: z.uuid({ message: msg('common.chooseProfessional') }).nullable().optional(),
    // gereed = "gedaan"; niet_nagekomen = "niet gedaan", with the reason the stuurgroep counts.
    status: z
      .enum(['open', 'gereed', 'niet_nagekomen', 'vervallen'], { message: msg('agreements.chooseStatus') })
      .optional(),
    closeReason: z.enum(CLOSE_REASONS, { message: msg('agreements.chooseCloseReason') }).optional(),
    closeNote: z.string().trim().max(2000, msg('agreements.max2000')).optional(),
    /** The meeting in which this change is made (the afsprakencheck). */
    meetingId: z.uuid({ message: msg('agreements.invalidMeeting') }).optional(),
    version: z.number({ message: msg('common.versionMissing') }).int().positive(),
  })
  .refine((v) => !v.dueDate || v.dueDateReason, {
    path: ['dueDateReason'],
    message: msg('agreements.giveDueDateReason'),
  })
  .refine((v) => v.status !== 'niet_nagekomen' || v.closeReason, {
    path: ['closeReason'],
    message: msg('agreements.chooseCloseReason'),
  })
  .refine((v) => !v.closeReason || v.status === 'niet_nagekomen', {
    path: ['closeReason'],
    message: msg('agreements.closeReasonOnlyNotDone'),
  });
export type UpdateAgreementInput = z.infer<typeof updateAgreementSchema>;

export const logActionSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('voortgang'),
      note: z.string({ message: msg('agreements.describeProgress') }).trim().min(3, msg('agreements.describeProgress')).max(2000),
      idempotencyKey: z.string().min(8).max(100).optional(),
    }),
    z.strictObject({
      kind: z.literal('gereed'),
      note: z.string({ message: msg('agreements.explainDone') }).trim().min(3, msg('agreements.explainDone')).max(2000),
      idempotencyKey: z.string().min(8).max(100).optional(),
    }),
    z.strictObject({
      kind: z.literal('geblokkeerd'),
      note: z.string({ message: msg('agreements.explainBlocked') }).trim().min(3, msg('agreements.explainBlocked')).max(2000),
      idempotencyKey: z.string().min(8).max(100).optional(),
    }),
  ],
  { message: msg('agreements.chooseKind') },
);
export type LogActionInput = z.infer<typeof logActionSchema>;

// A filter form sends empty fields ("all statuses"); those, like absent ones, filter nothing.
const filter = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v[0] : v), schema.optional());

export const myAgreementsQuerySchema = z.object({
  owner: filter(z.enum(['me', 'org'], { message: msg('agreements.chooseOwner') })),
  status: filter(z.enum(AGREEMENT_STATUSES, { message: msg('common.unknownStatus') })),
  overdue: filter(z.enum(['true', 'false'], { message: msg('agreements.chooseTrueFalse') })),
  cursor: filter(
    z
      .string()
      .max(1000, msg('pagination.badCursor'))
      .describe('Opaque: the `nextCursor` of the previous page, with the same filters. A changed or made-up cursor answers 422'),
  ),
});
export type MyAgreementsQuery = z.infer<typeof myAgreementsQuerySchema>;

export const agreementIdSchema = z.uuid({ message: msg('agreements.invalidId') });

/** Closing an agreement in the afsprakencheck: gedaan, or niet gedaan with the reason the stuurgroep counts. */
export const closeInMeetingSchema = z
  .strictObject({
    outcome: z.enum(['gedaan', 'niet_gedaan'], { message: msg('agreements.chooseOutcome') }),
    closeReason: z.enum(CLOSE_REASONS, { message: msg('agreements.chooseCloseReason') }).optional(),
    closeNote: z.string().trim().max(2000, msg('agreements.max2000')).optional(),
    version: z.number({ message: msg('common.versionMissing') }).int().positive(),
  })
  .refine((v) => v.outcome !== 'niet_gedaan' || v.closeReason, {
    path: ['closeReason'],
    message: msg('agreements.chooseCloseReason'),
  });
