import type { oas31 } from 'zod-openapi';
import { agreementIdParam } from '@/lib/api/agreements';
import { caseIdParam, partnerIdParam } from '@/lib/api/cases';
import { feedUserIdParam, meetingIdParam } from '@/lib/api/meetings';
import { signalIdParam } from '@/lib/api/signals';
import { z } from '@/lib/validation/zod';

/*
 * Path parameters, each the very schema its route parses with. `{id}` names the resource of the path
 * segment before it (a case under /cases, an agreement under /agreements); any other name is its own.
 */

type Param = z.ZodType | oas31.ParameterObject;

const pathParam = (name: string, schema: z.ZodType, description: string): Param =>
  schema.meta({ param: { name, in: 'path', required: true, description } });

const ID_PARAMETERS: Record<string, Param> = {
  cases: pathParam('id', caseIdParam, 'Id of the case; anything but a UUID answers 404'),
  agreements: pathParam(
    'id',
    agreementIdParam,
    'Id of the agreement; anything but a UUID answers 404, and so does an agreement of a case the user may not see',
  ),
  meetings: pathParam(
    'id',
    meetingIdParam,
    'Id of the meeting; anything but a UUID answers 404, and so does a meeting the user is not invited to',
  ),
  signals: pathParam('id', signalIdParam, 'Id of the signal; anything but a UUID answers 404'),
};

const NAMED_PARAMETERS: Record<string, Param> = {
  partnerId: pathParam(
    'partnerId',
    partnerIdParam,
    'Id of the link between the case and a partner organisation (the `id` in the partner list)',
  ),
  itemId: pathParam(
    'itemId',
    z.uuid(),
    'Id of the agenda item; an item of another meeting, or one the user may not write, answers 404',
  ),
  userId: pathParam('userId', feedUserIdParam, 'Id of the owner of the calendar feed'),
};

/** The parameters of the path's named segments; one that follows another parameter the operation lists itself. */
export function pathParameters(path: string): Param[] {
  return [...path.matchAll(/([\w-]+)\/\{(\w+)\}/g)].map(([, resource, name]) => {
    const parameter = name === 'id' ? ID_PARAMETERS[resource!] : NAMED_PARAMETERS[name!];
    if (!parameter) throw new Error(`OpenAPI: path parameter {${name}} of ${path} has no description`);
    return parameter;
  });
}
