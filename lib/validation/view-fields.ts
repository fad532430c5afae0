import { z } from './zod';

/*
 * Fields of the shapes the lib returns (and the API answers): the lib holds a moment as a Date, JSON
 * sends it as an ISO 8601 string. The OpenAPI document renders such a field as that string.
 */

const isoDateTime = Object.fromEntries(
  Object.entries(z.toJSONSchema(z.iso.datetime({ offset: true }))).filter(([key]) => key !== '$schema'),
);

export const id = z.uuid();

/** A moment: a Date in the lib, an ISO 8601 string in JSON. */
export const timestamp = z.date().meta({ description: 'ISO 8601 date and time', override: isoDateTime });

/** A calendar day as the database returns it: already the string JSON sends. */
export const day = z.iso.date().describe('ISO 8601 date (JJJJ-MM-DD)');
