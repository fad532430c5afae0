import { createAgreementSchema, logActionSchema, myAgreementsQuerySchema, updateAgreementSchema } from '@/lib/agreements/schemas';
import { IDEMPOTENCY_HEADER, idempotencyKeyHeader } from '@/lib/api/agreements';
import {
  agreementActionEntry,
  agreementCreated,
  agreementHistoryList,
  agreementList,
  agreementPage,
  agreementUpdated,
} from '@/lib/agreements/agreement-views';
import { BODY_ERRORS, json, type Paths } from '../operation';

/** Agreements (afspraken) and the progress logged on them. */

/** Request bodies, named as components of the document. */
const BODIES = {
  CreateAgreement: createAgreementSchema.meta({ id: 'CreateAgreement' }),
  UpdateAgreement: updateAgreementSchema.meta({ id: 'UpdateAgreement' }),
  LogAgreementAction: logActionSchema.meta({ id: 'LogAgreementAction' }),
};

export const AGREEMENT_PATHS: Paths = {
  '/api/v1/cases/{id}/agreements': {
    get: {
      summary: 'Agreements of the case',
      description: 'Overdue first, then open ones by due date. A manager gets the facts only: no description, note or reason.',
      tags: ['Agreements'],
      success: [200, 'The agreements and their number', agreementList],
      errors: [404],
    },
    post: {
      summary: 'Make an agreement (afspraak) on the case',
      description:
        'Regisseurs only. The owning organisation must be convened to the case; the named professional, if any, must belong to it; the due date may not lie in the past. Made in a running meeting: `agendaItemId` (an item of this case) and/or `meetingId` link it to the item and the meeting.',
      tags: ['Agreements'],
      body: BODIES.CreateAgreement,
      success: [201, 'The new agreement', agreementCreated],
      errors: [...BODY_ERRORS, 403, 404],
    },
  },
  '/api/v1/agreements': {
    get: {
      summary: 'Mijn afspraken (professionals) or all agreements of the house (regisseurs)',
      description:
        "A professional gets the agreements of their organisation (`owner=org`, the default) or only those named to them (`owner=me`), on cases their organisation is convened to; a regisseur gets every agreement (`owner` does not apply). Overdue first, then open work by due date, then the finished, latest first; 50 at a time, the next page by `cursor`. Managers answer 403: they steer on the dashboard.",
      tags: ['Agreements'],
      query: myAgreementsQuerySchema,
      success: [200, 'One page of agreements (50), how many match and the cursor of the next page', agreementPage],
      errors: [403, 422],
    },
  },
  '/api/v1/agreements/{id}': {
    patch: {
      summary: 'Edit an agreement (regisseurs)',
      description:
        'Any subset of description, owner (`ownerOrganisationId`, a convened partner, and `ownerUserId`), due date (with `dueDateReason`; kept in the history and counted), and status: open (reopen), gereed (gedaan), niet_nagekomen (niet gedaan, with `closeReason` niet_meer_mogelijk or niet_uitgevoerd and an optional `closeNote`) or vervallen; `meetingId` names the running meeting the change is made in. Plus the `version` that was read: a stale one answers 409.',
      tags: ['Agreements'],
      body: BODIES.UpdateAgreement,
      success: [200, 'The new version and how often the due date moved', agreementUpdated],
      errors: [...BODY_ERRORS, 403, 404, 409],
    },
  },
  '/api/v1/agreements/{id}/actions': {
    get: {
      summary: 'Progress entries and due-date changes of an agreement',
      description: 'Who logged what and when, and each move of the due date with its reason. 404 for an agreement of a case the user may not see.',
      tags: ['Agreements'],
      success: [200, 'Newest first', agreementHistoryList],
      errors: [404],
    },
    post: {
      summary: 'Log progress, report done, or report blocked',
      description: [
        'Only the owning organisation (or a regisseur). `gereed` closes the agreement; `geblokkeerd` notifies the regisseur of the case.',
        `Send an idempotency key (the \`${IDEMPOTENCY_HEADER}\` header or the \`idempotencyKey\` field) and repeat it on every retry:`,
        'the entry is stored once, and a replay answers 200 with the entry stored the first time. A key used before for another request answers 422.',
      ].join(' '),
      tags: ['Agreements'],
      parameters: [idempotencyKeyHeader.optional().meta({ param: { name: IDEMPOTENCY_HEADER, in: 'header' } })],
      body: BODIES.LogAgreementAction,
      success: [201, 'The new entry', agreementActionEntry],
      errors: [...BODY_ERRORS, 403, 404],
      extraResponses: { 200: { description: 'A replay: the entry stored earlier under this idempotency key', content: json(agreementActionEntry) } },
    },
  },
};
