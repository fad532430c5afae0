import { todayInAmsterdam } from '@/lib/calendar/today';
import { SIGNAL_RULES } from '@/lib/stagnation/signal';
import { z } from '@/lib/validation/zod';
import { SIGNAL_LEVEL_NAMES, SIGNAL_STATUSES } from './levels';
import { msg } from '@/lib/errors';

export const signalIdSchema = z.uuid({ message: msg('signals.notFound') });

/** The filters of the signal list, on the page (in the URL) and in GET /api/v1/signals. */
export const signalListQuerySchema = z.strictObject({
  rule: z.enum(SIGNAL_RULES, { message: msg('signals.chooseRule') }).optional().describe('Only signals of this rule'),
  level: z.enum(SIGNAL_LEVEL_NAMES, { message: msg('signals.chooseLevel') }).optional().describe('Only signals at exactly this escalation level'),
  minLevel: z
    .enum(SIGNAL_LEVEL_NAMES, { message: msg('signals.chooseLevel') })
    .optional()
    .describe('Only signals at this escalation level or higher (`manager`: the stuurgroep report)'),
  case: z.uuid({ message: msg('common.unknownCase') }).optional().describe('Only signals of this case'),
  organisation: z.uuid({ message: msg('common.unknownOrganisation') }).optional().describe('Only signals about this partner organisation (its agreements or itself)'),
  status: z.enum(SIGNAL_STATUSES, { message: msg('signals.chooseSignalStatus') }).default('open').describe('Default: open'),
  cursor: z
    .string()
    .max(1000, msg('pagination.badCursor'))
    .optional()
    .describe('Opaque: the `nextCursor` of the previous page, with the same filters. A changed or made-up cursor answers 422'),
});
export type SignalListQuery = z.output<typeof signalListQuerySchema>;

/** A query string or form as the list schema expects it: an empty field means "no filter". */
export function withoutBlanks(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== '' && v !== undefined));
}

const version = z.number({ message: msg('common.versionMissingReload') }).int().positive({ message: msg('common.versionMissingReload') });

const NOTE_MESSAGE = msg('signals.describeResolution');
export const resolveSignalSchema = z.strictObject({
  note: z.string({ message: NOTE_MESSAGE }).trim().min(1, NOTE_MESSAGE).max(2000, msg('signals.noteTooLong')),
  version,
});
export type ResolveSignalInput = z.infer<typeof resolveSignalSchema>;

const REASON_MESSAGE = msg('signals.describeWhyWait');
const MAX_SNOOZE_DAYS = 366;

function daysAhead(days: number, now = new Date()): string {
  return todayInAmsterdam(new Date(now.getTime() + days * 86_400_000));
}

export const snoozeSignalSchema = z.strictObject({
  until: z.iso
    .date({ message: msg('signals.chooseValidDate') })
    .refine((v) => v > todayInAmsterdam(), { message: msg('signals.chooseFutureDate') })
    .refine((v) => v <= daysAhead(MAX_SNOOZE_DAYS), { message: msg('signals.snoozeAtMostYear') })
    .describe('The signal comes back on this day (Europe/Amsterdam); after today, at most a year ahead'),
  reason: z.string({ message: REASON_MESSAGE }).trim().min(1, REASON_MESSAGE).max(2000, msg('signals.reasonTooLong2000')),
  version,
});
export type SnoozeSignalInput = z.infer<typeof snoozeSignalSchema>;

/** The signals acted on while working through the list (the `acted` URL parameter): at most 50 ids; a bad one is dropped. */
export const ACTED_MAX = 50;
export function parseActedIds(raw: string | undefined): string[] {
  if (!raw) return [];
  return [...new Set(raw.split(',').filter((v) => signalIdSchema.safeParse(v).success))].slice(-ACTED_MAX);
}
