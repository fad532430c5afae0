import { z } from '@/lib/validation/zod';
import { msg } from '@/lib/errors';

/** A partner's short status on one of its agreements for the statusronde. */
export const statusReportSchema = z.strictObject({
  agreementId: z.uuid({ message: msg('meetings.unknownAgreement') }),
  note: z.string({ message: msg('meetings.writeStatus') }).trim().min(3, msg('meetings.writeStatusMin3')).max(1000, msg('meetings.max1000')),
  /** Also log it as progress on the agreement (a progress entry, as in Mijn afspraken). */
  asProgress: z.boolean({ message: msg('meetings.chooseYesNo') }).default(false),
});
export type StatusReportInput = z.infer<typeof statusReportSchema>;

/** "Informatie aangeleverd / ontvangen" for one invited organisation. */
export const informationSchema = z.strictObject({
  organisationId: z.uuid({ message: msg('common.chooseOrganisation') }),
  received: z.boolean({ message: msg('meetings.chooseReceived') }),
  note: z
    .string()
    .trim()
    .max(500, msg('common.max500'))
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
});
export type InformationInput = z.infer<typeof informationSchema>;
