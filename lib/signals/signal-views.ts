import { SIGNAL_LEVEL_NAMES, SIGNAL_STATUSES } from '@/lib/signals/levels';
import { SIGNAL_RULES } from '@/lib/stagnation/signal';
import { day as date, id, timestamp } from '@/lib/validation/view-fields';
import { z } from '@/lib/validation/zod';

/*
 * What the signal functions return and the API answers, defined once: the lib's types are inferred
 * from these schemas and the OpenAPI document renders them (each `id` is its component name there).
 */

const level = z.enum(SIGNAL_LEVEL_NAMES).describe('The rung of the escalation ladder: regisseur → organisation (its contact persons) → manager → stuurgroep');
const status = z.enum(SIGNAL_STATUSES);

export const signalItem = z
  .object({
    id,
    rule: z.enum(SIGNAL_RULES).describe('The rule that fired'),
    level,
    status,
    subjectType: z.enum(['agreement', 'case', 'organisation']),
    subjectId: id,
    caseId: id.nullable().describe('Null for a signal about a partner organisation as a whole'),
    caseNumber: z.string().nullable(),
    targetGroup: z.string().nullable(),
    municipalityName: z.string().nullable(),
    organisationId: id.nullable().describe('The owning organisation of the agreement, or the organisation the signal is about'),
    organisationName: z.string().nullable(),
    agreementDescription: z.string().nullable().describe('What the agreement is about; null for a manager (free text of the case)'),
    since: timestamp.describe('When the cause started to hold'),
    levelSince: timestamp.describe('When it reached its current level'),
    message: z.string().describe('Why it fired: one Dutch sentence with the numbers, never free text of the case'),
    snoozedUntil: date.nullable(),
    snoozeReason: z.string().nullable().describe('Null for a manager'),
    resolvedAt: timestamp.nullable(),
    resolvedByName: z.string().nullable(),
    resolutionNote: z.string().nullable().describe('Null for a manager'),
    autoResolved: z.boolean().describe('Resolved by the sweep because the cause went away'),
    version: z.int().describe('Send it back with resolve or snooze'),
    createdAt: timestamp,
  })
  .describe('A signal of stagnation')
  .meta({ id: 'Signal' });

export const signalList = z
  .object({
    items: z.array(signalItem).describe('One page: at most 50'),
    total: z.int().min(0).describe('All that match, counted up to 10,000 (then `capped`)'),
    capped: z.boolean().describe('More match than `total` says'),
    nextCursor: z.string().nullable().describe('Pass as `cursor` (same filters) for the next page; null on the last page'),
  })
  .meta({ id: 'SignalList' });

export const signalChange = z
  .object({
    id,
    caseId: id.nullable(),
    status: z.enum(['snoozed', 'resolved']),
    version: z.int().describe('The new version'),
  })
  .meta({ id: 'SignalChange' });

export type SignalItem = z.infer<typeof signalItem>;
export type SignalChangeResult = z.infer<typeof signalChange>;
