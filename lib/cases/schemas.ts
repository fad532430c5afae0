import { todayInAmsterdam } from '@/lib/calendar/today';
import { z } from '@/lib/validation/zod';
import { CONTACT_KINDS } from './contact-kinds';
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
  // One message for an empty or malformed date, not three that contradict each other.
  .min(1, { message: msg('cases.fillInBirthDate'), abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: msg('common.useDateFormat'), abort: true })
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

/**
 * Who referred, when it is not the signed-in user alone: an organisation of the house or an outside party
 * (a wijkteam) by name, and a contact person. Optional in the API; the regisseur's form requires it.
 */
export const referrerSchema = z
  .strictObject({
    organisationId: z.uuid({ message: msg('cases.chooseOrganisationFromList') }).nullable().optional(),
    organisationName: optionalText(200),
    contactName: optionalText(200),
    contactDetails: optionalText(200),
  })
  .refine((r) => Boolean(r.organisationId) !== Boolean(r.organisationName), {
    message: msg('cases.referrerOneOfBoth'),
    path: ['organisationName'],
  });
export type ReferrerInput = z.infer<typeof referrerSchema>;

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
  referrer: referrerSchema.optional(),
});
export type ReferralInput = z.infer<typeof referralSchema>;

/**
 * The regisseur's form: a referral taken on the phone names who referred, and then a contact person is
 * required too. Left empty, the regisseur refers herself (the form sends no referrer).
 */
export const phoneReferralSchema = referralSchema.extend({
  referrer: referrerSchema
    .refine((r) => Boolean(r.contactName), { message: msg('cases.fillInContactName'), path: ['contactName'] })
    .optional(),
});

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
  cursor: oneOrMany(
    z
      .string()
      .max(1000, msg('pagination.badCursor'))
      .describe('Opaque: the `nextCursor` of the previous page, with the same filters and sort (then `page` is ignored). A changed or made-up cursor answers 422'),
  ),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

export const caseIdSchema = z.uuid({ message: msg('cases.invalidId') });

/** Merge a referral into an earlier case of the same person, found at triage (lib/cases/referral-matches.ts). */
export const mergeReferralSchema = z.strictObject({
  intoCaseId: z.uuid({ message: msg('cases.chooseKnownCase') }),
  reason: text('cases.label.mergeReason', 2000),
  version,
});
export type MergeReferralInput = z.infer<typeof mergeReferralSchema>;

export const undoMergeSchema = z.strictObject({ version });
export type UndoMergeInput = z.infer<typeof undoMergeSchema>;
/** DELETE …/merge carries the version read in its query (`?version=3`): a DELETE has no body. */
export const undoMergeQuerySchema = z.strictObject({ version: z.coerce.number({ message: msg('common.versionMissing') }).int().positive() });

/** Go on with the referral as a case of its own although the person is known. */
export const continueReferralSchema = z.strictObject({
  reason: text('cases.label.continueReason', 2000),
  version,
});
export type ContinueReferralInput = z.infer<typeof continueReferralSchema>;

/** A line of the case journal: a phone call, a mail or a consultation, with whom and when. */
export const caseContactSchema = z.strictObject({
  kind: z.enum(CONTACT_KINDS, { message: msg('cases.chooseContactKind') }),
  contactDate: z
    .string({ message: msg('cases.fillInContactDate') })
    .regex(/^\d{4}-\d{2}-\d{2}$/, msg('cases.useDateForm'))
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
      message: msg('cases.dateDoesNotExist'),
    })
    .refine((v) => v <= todayInAmsterdam(), { message: msg('cases.contactDateInFuture') }),
  organisation: text('cases.label.organisation', 200),
  note: text('cases.label.shortNote', 2000),
});
export type CaseContactInput = z.infer<typeof caseContactSchema>;
