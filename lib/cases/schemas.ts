import { todayInAmsterdam } from '@/lib/calendar/today';
import { z } from '@/lib/validation/zod';
import { CASE_STATUSES, PAUSE_REASONS, TARGET_GROUPS, TRIAGE_DECISIONS } from './vocabulary';
import { msg, type MessageKey } from '@/lib/errors';

/** `label` is a message key naming what to fill in ("de naam van de betrokkene"). */
const text = (label: MessageKey, max: number) =>
  z
    .string({ message: msg('cases.fillIn', { label }) })
    .trim()
    .min(1, msg('cases.fillIn', { label }))
    .max(max, msg('common.maxChars', { max }));

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, msg('common.maxChars', { max }))
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const birthDateSchema = z
  .string({ message: msg('cases.fillInBirthDate') })
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg('common.useDateFormat'))
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
    message: msg('common.dateDoesNotExist'),
  })
  .refine((v) => v <= todayInAmsterdam(), { message: msg('cases.birthDateInFuture') })
  .refine((v) => v >= '1900-01-01', { message: msg('cases.birthDateBefore1900') });

export const municipalityCodeSchema = z
  .string({ message: msg('cases.chooseMunicipality') })
  .regex(/^GM\d{4}$/, msg('cases.chooseMunicipalityFromList'));

const criterion = z.boolean({ message: msg('cases.answerCriterion') });

export const subjectSchema = z.strictObject({
  name: text('cases.label.subjectName', 200),
  birthDate: birthDateSchema,
  address: optionalText(300),
});

export const referralSchema = z.strictObject({
  subject: subjectSchema,
  municipalityCode: municipalityCodeSchema,
  targetGroup: z.enum(TARGET_GROUPS, { message: msg('cases.chooseApproach') }),
  criteria: z.strictObject({
    multiDomain: criterion,
    multiChain: criterion,
    household: criterion,
    localSafety: criterion,
  }),
  reason: text('cases.label.referralReason', 4000),
  goal: text('cases.label.referralGoal', 2000),
  involvedPartners: optionalText(1000),
});
export type ReferralInput = z.infer<typeof referralSchema>;

const version = z.number({ message: msg('common.versionMissing') }).int().positive();

export const caseUpdateSchema = z
  .strictObject({
    subject: subjectSchema.partial().strict().optional(),
    municipalityCode: municipalityCodeSchema.optional(),
    targetGroup: z.enum(TARGET_GROUPS, { message: msg('cases.chooseApproach') }).optional(),
    reason: text('cases.label.referralReason', 4000).optional(),
    goal: text('cases.label.goal', 2000).optional(),
    involvedPartners: optionalText(1000),
    regisseurUserId: z.uuid({ message: msg('cases.chooseRegisseur') }).nullable().optional(),
    version,
  });
export type CaseUpdateInput = z.infer<typeof caseUpdateSchema>;

const reason = text('cases.label.reason', 2000);

export const transitionSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('start_triage'), reason: reason.optional(), version }),
    z.strictObject({
      action: z.literal('triage'),
      decision: z.enum(TRIAGE_DECISIONS, { message: msg('cases.chooseDecision') }),
      reason,
      version,
    }),
    z.strictObject({ action: z.literal('to_monitoring'), reason, version }),
    z.strictObject({ action: z.literal('to_active'), reason, version }),
    z.strictObject({ action: z.literal('close'), result: text('cases.label.result', 2000), version }),
    z.strictObject({
      action: z.literal('pause'),
      pauseReason: z.enum(PAUSE_REASONS, { message: msg('cases.choosePauseReason') }),
      reason: reason.optional(),
      version,
    }),
    z.strictObject({ action: z.literal('resume'), reason, version }),
  ],
  { message: msg('common.unknownAction') },
);
export type TransitionInput = z.infer<typeof transitionSchema>;

export const addPartnerSchema = z.strictObject({
  organisationId: z.uuid({ message: msg('cases.choosePartnerOrganisation') }),
  reason: text('cases.label.partnerReason', 1000),
});
export type AddPartnerInput = z.infer<typeof addPartnerSchema>;

export const endPartnerSchema = z.strictObject({
  partnerId: z.uuid({ message: msg('cases.unknownPartner') }),
  reason: text('cases.label.reason', 1000),
});
export type EndPartnerInput = z.infer<typeof endPartnerSchema>;

export const caseLeadSchema = z.strictObject({
  userId: z.uuid({ message: msg('common.chooseProfessional') }).nullable(),
  version,
});
export type CaseLeadInput = z.infer<typeof caseLeadSchema>;

const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v[0] : v), schema.optional());

export const SORTS = ['number', 'created', 'updated', 'status'] as const;

/** Query strings of the case list (page and API share it); the URL holds every filter. */
export const caseListQuerySchema = z.object({
  status: oneOrMany(z.enum(CASE_STATUSES, { message: msg('common.unknownStatus') })),
  targetGroup: oneOrMany(z.enum(TARGET_GROUPS, { message: msg('cases.unknownApproach') })),
  municipality: oneOrMany(municipalityCodeSchema),
  regisseur: oneOrMany(z.uuid({ message: msg('cases.unknownRegisseur') })),
  partner: oneOrMany(z.uuid({ message: msg('common.unknownPartnerOrg') })),
  q: oneOrMany(z.string().trim().max(100, msg('cases.searchTooLong'))),
  sort: oneOrMany(z.enum(SORTS, { message: msg('cases.unknownSort') })),
  dir: oneOrMany(z.enum(['asc', 'desc'], { message: msg('cases.chooseAscDesc') })),
  page: oneOrMany(z.coerce.number({ message: msg('cases.pageNotNumber') }).int().min(1, msg('cases.pageStartsAt1')).max(100000)),
  pageSize: oneOrMany(z.coerce.number().int().min(5, msg('cases.min5PerPage')).max(100, msg('cases.max100PerPage'))),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

export const caseIdSchema = z.uuid({ message: msg('cases.invalidId') });
