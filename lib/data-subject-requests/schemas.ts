import { birthDateSchema } from '@/lib/cases/schemas';
import { msg } from '@/lib/errors';
import { z } from '@/lib/validation/zod';
import { IDENTITY_CHECKS, REQUEST_KINDS } from './kinds';

const text = (missing: Parameters<typeof msg>[0], max: number) =>
  z
    .string({ message: msg(missing) })
    .trim()
    .min(1, msg(missing))
    .max(max, msg('common.maxChars', { max }));

const day = (missing: Parameters<typeof msg>[0]) =>
  z
    .string({ message: msg(missing) })
    .min(1, { message: msg(missing), abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: msg('common.useDateFormat'), abort: true })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
      message: msg('common.dateDoesNotExist'),
    });

const version = z.number({ message: msg('common.versionMissing') }).int().positive();

export const requestIdSchema = z.uuid();

/** Whom to look for: the person the request is about, matched like a referral (name words and birth date). */
export const personSchema = z.object({
  name: text('dsr.fillInName', 200),
  birthDate: birthDateSchema,
});
export type PersonInput = z.infer<typeof personSchema>;

export const registerRequestSchema = z.strictObject({
  name: text('dsr.fillInName', 200),
  birthDate: birthDateSchema,
  requesterContact: text('dsr.fillInContact', 300),
  kind: z.enum(REQUEST_KINDS, { message: msg('dsr.chooseKind') }),
  receivedOn: day('dsr.fillInReceivedOn'),
  identityCheck: z.enum(IDENTITY_CHECKS, { message: msg('dsr.chooseIdentityCheck') }),
  identityNote: z.string().trim().max(1000, msg('common.maxChars', { max: 1000 })).default(''),
  /** The cases the registrant confirmed as the person's, out of those the matching found. */
  caseIds: z.array(z.uuid({ message: msg('dsr.chooseFoundCase') })).max(50).default([]),
});
export type RegisterRequestInput = z.input<typeof registerRequestSchema>;

export const extendTermSchema = z.strictObject({
  version,
  months: z.coerce.number({ message: msg('dsr.chooseMonths') }).int().min(1, msg('dsr.chooseMonths')).max(2, msg('dsr.chooseMonths')),
  reason: z
    .string({ message: msg('dsr.fillInReason') })
    .trim()
    .min(10, msg('dsr.reasonMin10'))
    .max(1000, msg('common.maxChars', { max: 1000 })),
});
export type ExtendTermInput = z.input<typeof extendTermSchema>;

export const answerTaskSchema = z
  .strictObject({
    version,
    noData: z.boolean().default(false),
    answer: z.string().trim().max(2000, msg('common.maxChars', { max: 2000 })).default(''),
  })
  .refine((v) => v.noData || v.answer.length > 0, { message: msg('dsr.fillInAnswer'), path: ['answer'] });
export type AnswerTaskInput = z.input<typeof answerTaskSchema>;

export const combinedAnswerSchema = z.strictObject({
  version,
  answerText: text('dsr.fillInCombinedAnswer', 5000),
  answeredOn: day('dsr.fillInAnsweredOn'),
});
export type CombinedAnswerInput = z.input<typeof combinedAnswerSchema>;
