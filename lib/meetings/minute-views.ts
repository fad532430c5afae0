import { z } from '@/lib/validation/zod';

/*
 * What the minutes functions return and the API answers, defined once: the lib's types are inferred
 * from these schemas and the OpenAPI document renders them (each `id` is its component name there).
 */

/** The lib hands the draft's time on as an ISO string already (not a Date). */
const timestamp = z.iso.datetime({ offset: true }).describe('ISO 8601 date and time');

export const minuteDraft = z
  .object({
    minutes: z.string(),
    outcome: z.string(),
    baseVersion: z.int().describe('The item version the author started from; the final save sends it as `version`'),
    version: z.int().describe('The draft\u2019s own version: send it back with the next autosave'),
    updatedAt: timestamp,
  })
  .describe('The signed-in author\u2019s draft; nobody else reads it');

/** What is saved in the item now: shown next to the author's text when their save met a newer version. */
export const savedItem = z
  .object({
    minutes: z.string(),
    outcome: z.string(),
    status: z.enum(['open', 'besproken', 'doorgeschoven']),
    version: z.int(),
  })
  .meta({ id: 'SavedAgendaItem' });

export const minuteDraftAnswer = z.object({ draft: minuteDraft.nullable() }).meta({ id: 'MinuteDraftAnswer' });

export type DraftView = z.infer<typeof minuteDraft>;
export type SavedItemText = z.infer<typeof savedItem>;
