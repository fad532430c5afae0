import { todayInAmsterdam } from '@/lib/calendar/today';
import { z } from '@/lib/validation/zod';
import { CASE_STATUSES, PAUSE_REASONS, TARGET_GROUPS, TRIAGE_DECISIONS } from './vocabulary';

const text = (label: string, max: number) =>
  z
    .string({ message: `Vul ${label} in.` })
    .trim()
    .min(1, `Vul ${label} in.`)
    .max(max, `Maximaal ${max} tekens.`);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Maximaal ${max} tekens.`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const birthDateSchema = z
  .string({ message: 'Vul de geboortedatum in.' })
  // One message for an empty or malformed date, not three that contradict each other.
  .min(1, { message: 'Vul de geboortedatum in.', abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Gebruik de vorm JJJJ-MM-DD.', abort: true })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
    message: 'Deze datum bestaat niet.',
  })
  .refine((v) => v <= todayInAmsterdam(), { message: 'De geboortedatum ligt in de toekomst.' })
  .refine((v) => v >= '1900-01-01', { message: 'De geboortedatum ligt vóór 1900.' });

export const municipalityCodeSchema = z
  .string({ message: 'Kies een gemeente.' })
  .regex(/^GM\d{4}$/, 'Kies een gemeente uit de lijst.');

const criterion = z.boolean({ message: 'Beantwoord dit criterium met ja of nee.' });

export const subjectSchema = z.strictObject({
  name: text('de naam van de betrokkene', 200),
  birthDate: birthDateSchema,
  address: optionalText(300),
});

export const referralSchema = z.strictObject({
  subject: subjectSchema,
  municipalityCode: municipalityCodeSchema,
  targetGroup: z.enum(TARGET_GROUPS, { message: 'Kies een aanpak.' }),
  criteria: z.strictObject({
    multiDomain: criterion,
    multiChain: criterion,
    household: criterion,
    localSafety: criterion,
  }),
  reason: text('de reden van aanmelding', 4000),
  goal: text('het doel van de aanmelding', 2000),
  involvedPartners: optionalText(1000),
});
export type ReferralInput = z.infer<typeof referralSchema>;

const version = z.number({ message: 'Geef de versie mee die je hebt gelezen.' }).int().positive();

export const caseUpdateSchema = z
  .strictObject({
    subject: subjectSchema.partial().strict().optional(),
    municipalityCode: municipalityCodeSchema.optional(),
    targetGroup: z.enum(TARGET_GROUPS, { message: 'Kies een aanpak.' }).optional(),
    reason: text('de reden van aanmelding', 4000).optional(),
    goal: text('het doel', 2000).optional(),
    involvedPartners: optionalText(1000),
    regisseurUserId: z.uuid({ message: 'Kies een procesregisseur.' }).nullable().optional(),
    version,
  });
export type CaseUpdateInput = z.infer<typeof caseUpdateSchema>;

const reason = text('een reden', 2000);

export const transitionSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('start_triage'), reason: reason.optional(), version }),
    z.strictObject({
      action: z.literal('triage'),
      decision: z.enum(TRIAGE_DECISIONS, { message: 'Kies een besluit.' }),
      reason,
      version,
    }),
    z.strictObject({ action: z.literal('to_monitoring'), reason, version }),
    z.strictObject({ action: z.literal('to_active'), reason, version }),
    z.strictObject({ action: z.literal('close'), result: text('het resultaat', 2000), version }),
    z.strictObject({
      action: z.literal('pause'),
      pauseReason: z.enum(PAUSE_REASONS, { message: 'Kies detentie, opname of wachtlijst.' }),
      reason: reason.optional(),
      version,
    }),
    z.strictObject({ action: z.literal('resume'), reason, version }),
  ],
  { message: 'Onbekende actie.' },
);
export type TransitionInput = z.infer<typeof transitionSchema>;

export const addPartnerSchema = z.strictObject({
  organisationId: z.uuid({ message: 'Kies een partnerorganisatie.' }),
  reason: text('waarom deze partner het moet weten', 1000),
});
export type AddPartnerInput = z.infer<typeof addPartnerSchema>;

export const endPartnerSchema = z.strictObject({
  partnerId: z.uuid({ message: 'Onbekende partner.' }),
  reason: text('een reden', 1000),
});
export type EndPartnerInput = z.infer<typeof endPartnerSchema>;

export const caseLeadSchema = z.strictObject({
  userId: z.uuid({ message: 'Kies een professional.' }).nullable(),
  version,
});
export type CaseLeadInput = z.infer<typeof caseLeadSchema>;

const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v[0] : v), schema.optional());

export const SORTS = ['number', 'created', 'updated', 'status'] as const;

/** Query strings of the case list (page and API share it); the URL holds every filter. */
export const caseListQuerySchema = z.object({
  status: oneOrMany(z.enum(CASE_STATUSES, { message: 'Onbekende status.' })),
  targetGroup: oneOrMany(z.enum(TARGET_GROUPS, { message: 'Onbekende aanpak.' })),
  municipality: oneOrMany(municipalityCodeSchema),
  regisseur: oneOrMany(z.uuid({ message: 'Onbekende regisseur.' })),
  partner: oneOrMany(z.uuid({ message: 'Onbekende partnerorganisatie.' })),
  q: oneOrMany(z.string().trim().max(100, 'Zoek op maximaal 100 tekens.')),
  sort: oneOrMany(z.enum(SORTS, { message: 'Onbekende sortering.' })),
  dir: oneOrMany(z.enum(['asc', 'desc'], { message: "Kies 'asc' of 'desc'." })),
  page: oneOrMany(z.coerce.number({ message: 'Pagina moet een getal zijn.' }).int().min(1, 'Pagina begint bij 1.').max(100000)),
  pageSize: oneOrMany(z.coerce.number().int().min(5, 'Minimaal 5 per pagina.').max(100, 'Maximaal 100 per pagina.')),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

export const caseIdSchema = z.uuid({ message: 'Geen geldige casus-id (verwacht een UUID).' });
