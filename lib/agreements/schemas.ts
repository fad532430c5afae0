import { todayInAmsterdam } from '@/lib/calendar/today';
import { z } from '@/lib/validation/zod';
import { agreementCloseReason, agreementStatus } from '@/db/enums';

export const AGREEMENT_STATUSES = agreementStatus.enumValues;
/** Why an agreement was not done: changed circumstances, or the partner did not carry it out. */
export const CLOSE_REASONS = agreementCloseReason.enumValues;
export type CloseReason = (typeof CLOSE_REASONS)[number];

const isoDate = z
  .string({ message: 'Vul een datum in.' })
  .min(1, { message: 'Vul een datum in.', abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Gebruik de vorm JJJJ-MM-DD.')
  // Runs also after the pattern failed: an unparseable value must not throw (a 500) but fail.
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
    message: 'Deze datum bestaat niet.',
  });

const futureDate = isoDate.refine((v) => v >= todayInAmsterdam(), { message: 'De einddatum ligt in het verleden.' });

export const createAgreementSchema = z.strictObject({
  description: z.string({ message: 'Beschrijf de afspraak.' }).trim().min(3, 'Beschrijf de afspraak.').max(2000, 'Maximaal 2000 tekens.'),
  ownerOrganisationId: z.uuid({ message: 'Kies de organisatie die de afspraak uitvoert.' }),
  ownerUserId: z.uuid({ message: 'Kies een professional.' }).nullable().optional(),
  dueDate: futureDate,
  agendaItemId: z.uuid({ message: 'Geen geldig agendapunt.' }).nullable().optional(),
  meetingId: z.uuid({ message: 'Geen geldig overleg.' }).nullable().optional(),
});
export type CreateAgreementInput = z.infer<typeof createAgreementSchema>;

export const updateAgreementSchema = z
  .strictObject({
    description: z.string().trim().min(3, 'Beschrijf de afspraak.').max(2000, 'Maximaal 2000 tekens.').optional(),
    dueDate: futureDate.optional(),
    dueDateReason: z.string().trim().min(3, 'Geef een reden voor de nieuwe einddatum.').max(1000).optional(),
    ownerOrganisationId: z.uuid({ message: 'Kies de organisatie die de afspraak uitvoert.' }).optional(),
    ownerUserId: z.uuid({ message: 'Kies een professional.' }).nullable().optional(),
    // gereed = "gedaan"; niet_nagekomen = "niet gedaan", with the reason the stuurgroep counts.
    status: z
      .enum(['open', 'gereed', 'niet_nagekomen', 'vervallen'], { message: 'Kies open, gedaan, niet gedaan of vervallen.' })
      .optional(),
    closeReason: z.enum(CLOSE_REASONS, { message: 'Kies waarom de afspraak niet is gedaan.' }).optional(),
    closeNote: z.string().trim().max(2000, 'Maximaal 2000 tekens.').optional(),
    /** The meeting in which this change is made (the afsprakencheck). */
    meetingId: z.uuid({ message: 'Geen geldig overleg.' }).optional(),
    version: z.number({ message: 'Geef de versie mee die je hebt gelezen.' }).int().positive(),
  })
  .refine((v) => !v.dueDate || v.dueDateReason, {
    path: ['dueDateReason'],
    message: 'Geef een reden voor de nieuwe einddatum.',
  })
  .refine((v) => v.status !== 'niet_nagekomen' || v.closeReason, {
    path: ['closeReason'],
    message: 'Kies waarom de afspraak niet is gedaan.',
  })
  .refine((v) => !v.closeReason || v.status === 'niet_nagekomen', {
    path: ['closeReason'],
    message: 'Een reden hoort alleen bij "niet gedaan".',
  });
export type UpdateAgreementInput = z.infer<typeof updateAgreementSchema>;

export const logActionSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('voortgang'),
      note: z.string({ message: 'Beschrijf wat je hebt gedaan.' }).trim().min(3, 'Beschrijf wat je hebt gedaan.').max(2000),
      idempotencyKey: z.string().min(8).max(100).optional(),
    }),
    z.strictObject({
      kind: z.literal('gereed'),
      note: z.string({ message: 'Licht toe hoe de afspraak is uitgevoerd.' }).trim().min(3, 'Licht toe hoe de afspraak is uitgevoerd.').max(2000),
      idempotencyKey: z.string().min(8).max(100).optional(),
    }),
    z.strictObject({
      kind: z.literal('geblokkeerd'),
      note: z.string({ message: 'Geef aan waarom het niet lukt.' }).trim().min(3, 'Geef aan waarom het niet lukt.').max(2000),
      idempotencyKey: z.string().min(8).max(100).optional(),
    }),
  ],
  { message: "Kies 'voortgang', 'gereed' of 'geblokkeerd'." },
);
export type LogActionInput = z.infer<typeof logActionSchema>;

// A filter form sends empty fields ("all statuses"); those, like absent ones, filter nothing.
const filter = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v[0] : v), schema.optional());

export const myAgreementsQuerySchema = z.object({
  owner: filter(z.enum(['me', 'org'], { message: "Kies 'me' of 'org'." })),
  status: filter(z.enum(AGREEMENT_STATUSES, { message: 'Onbekende status.' })),
  overdue: filter(z.enum(['true', 'false'], { message: "Kies 'true' of 'false'." })),
});
export type MyAgreementsQuery = z.infer<typeof myAgreementsQuerySchema>;

export const agreementIdSchema = z.uuid({ message: 'Geen geldige afspraak-id (verwacht een UUID).' });

/** Closing an agreement in the afsprakencheck: gedaan, or niet gedaan with the reason the stuurgroep counts. */
export const closeInMeetingSchema = z
  .strictObject({
    outcome: z.enum(['gedaan', 'niet_gedaan'], { message: 'Kies gedaan of niet gedaan.' }),
    closeReason: z.enum(CLOSE_REASONS, { message: 'Kies waarom de afspraak niet is gedaan.' }).optional(),
    closeNote: z.string().trim().max(2000, 'Maximaal 2000 tekens.').optional(),
    version: z.number({ message: 'Geef de versie mee die je hebt gelezen.' }).int().positive(),
  })
  .refine((v) => v.outcome !== 'niet_gedaan' || v.closeReason, {
    path: ['closeReason'],
    message: 'Kies waarom de afspraak niet is gedaan.',
  });
