import { z } from '@/lib/validation/zod';

/** A partner's short status on one of its agreements for the statusronde. */
export const statusReportSchema = z.strictObject({
  agreementId: z.uuid({ message: 'Onbekende afspraak.' }),
  note: z.string({ message: 'Schrijf een korte status.' }).trim().min(3, 'Schrijf een korte status (minstens 3 tekens).').max(1000, 'Maximaal 1000 tekens.'),
  /** Also log it as progress on the agreement (a progress entry, as in Mijn afspraken). */
  asProgress: z.boolean({ message: 'Kies ja of nee.' }).default(false),
});
export type StatusReportInput = z.infer<typeof statusReportSchema>;

/** "Informatie aangeleverd / ontvangen" for one invited organisation. */
export const informationSchema = z.strictObject({
  organisationId: z.uuid({ message: 'Kies een organisatie.' }),
  received: z.boolean({ message: 'Kies ontvangen of niet ontvangen.' }),
  note: z
    .string()
    .trim()
    .max(500, 'Maximaal 500 tekens.')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
});
export type InformationInput = z.infer<typeof informationSchema>;
