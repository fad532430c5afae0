import { todayInAmsterdam } from '@/lib/calendar/today';
import { SIGNAL_RULES } from '@/lib/stagnation/signal';
import { z } from '@/lib/validation/zod';
import { SIGNAL_LEVEL_NAMES, SIGNAL_STATUSES } from './levels';

export const signalIdSchema = z.uuid({ message: 'Signaal niet gevonden.' });

/** The filters of the signal list, on the page (in the URL) and in GET /api/v1/signals. */
export const signalListQuerySchema = z.strictObject({
  rule: z.enum(SIGNAL_RULES, { message: 'Kies een regel uit de lijst.' }).optional().describe('Only signals of this rule'),
  level: z.enum(SIGNAL_LEVEL_NAMES, { message: 'Kies een niveau uit de lijst.' }).optional().describe('Only signals at exactly this escalation level'),
  minLevel: z
    .enum(SIGNAL_LEVEL_NAMES, { message: 'Kies een niveau uit de lijst.' })
    .optional()
    .describe('Only signals at this escalation level or higher (`manager`: the stuurgroep report)'),
  case: z.uuid({ message: 'Onbekende casus.' }).optional().describe('Only signals of this case'),
  organisation: z.uuid({ message: 'Onbekende organisatie.' }).optional().describe('Only signals about this partner organisation (its agreements or itself)'),
  status: z.enum(SIGNAL_STATUSES, { message: 'Kies open, snoozed of resolved.' }).default('open').describe('Default: open'),
});
export type SignalListQuery = z.output<typeof signalListQuerySchema>;

/** A query string or form as the list schema expects it: an empty field means "no filter". */
export function withoutBlanks(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== '' && v !== undefined));
}

const version = z.number({ message: 'De versie ontbreekt; herlaad de pagina.' }).int().positive({ message: 'De versie ontbreekt; herlaad de pagina.' });

const NOTE_MESSAGE = 'Schrijf op hoe het signaal is afgehandeld.';
export const resolveSignalSchema = z.strictObject({
  note: z.string({ message: NOTE_MESSAGE }).trim().min(1, NOTE_MESSAGE).max(2000, 'Houd de toelichting onder de 2000 tekens.'),
  version,
});
export type ResolveSignalInput = z.infer<typeof resolveSignalSchema>;

const REASON_MESSAGE = 'Schrijf op waarom het signaal kan wachten.';
const MAX_SNOOZE_DAYS = 366;

function daysAhead(days: number, now = new Date()): string {
  return todayInAmsterdam(new Date(now.getTime() + days * 86_400_000));
}

export const snoozeSignalSchema = z.strictObject({
  until: z.iso
    .date({ message: 'Kies een geldige datum.' })
    .refine((v) => v > todayInAmsterdam(), { message: 'Kies een datum in de toekomst: vandaag of eerder kan niet.' })
    .refine((v) => v <= daysAhead(MAX_SNOOZE_DAYS), { message: 'Stel een signaal hoogstens een jaar uit.' })
    .describe('The signal comes back on this day (Europe/Amsterdam); after today, at most a year ahead'),
  reason: z.string({ message: REASON_MESSAGE }).trim().min(1, REASON_MESSAGE).max(2000, 'Houd de reden onder de 2000 tekens.'),
  version,
});
export type SnoozeSignalInput = z.infer<typeof snoozeSignalSchema>;

/** The signals acted on while working through the list (the `acted` URL parameter): at most 50 ids; a bad one is dropped. */
export const ACTED_MAX = 50;
export function parseActedIds(raw: string | undefined): string[] {
  if (!raw) return [];
  return [...new Set(raw.split(',').filter((v) => signalIdSchema.safeParse(v).success))].slice(-ACTED_MAX);
}
