/**
 * The permission matrix, proven cell by cell: for every role × action × relation the situation is created
 * for real in the database, the real lib function of the action is called as that actor, and what an
 * attacker would notice is asserted — the answer (view shape, 403 or 404), what changed in the database,
 * and the 'denied' row every refusal leaves in the audit log.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { type UserRole } from '@/db/schema';
import { closeDb } from '@/db/testing';
import { CASE_ACTIONS, MATRIX, RELATIONS, isDenied, type Relation } from './matrix';
import {
  CELLS,
  PERFORM,
  ROLES,
  casesReferredBy,
  deniedRows,
  expectedAfter,
  handle,
  onMissingCase,
  openMatrixDatabase,
  org,
  outcomeOf,
  situation,
  snapshot,
  type Cell,
  type Situation,
} from './matrix-cases';

console.log(
  `permission matrix: ${ROLES.length} roles × ${CASE_ACTIONS.length} actions × ${RELATIONS.length} relations = ` +
    `${CELLS.length} cells; ${CELLS.length} tests generated from it`,
);

beforeAll(openMatrixDatabase);
afterAll(() => closeDb());

/**
 * The view each reader must get, as DESIGN.md and the brief name it — pinned here, not read from MATRIX,
 * so that a change of the matrix that would widen a view fails this test too.
 */
function expectedView(role: UserRole, relation: Relation): string {
  if (role === 'regisseur') return 'full';
  if (role === 'manager') return 'pseudonymised';
  if (role === 'professional' && relation === 'convened') return 'shared';
  if (role === 'professional' && relation === 'referrer') return 'receipt';
  return 'none';
}

/** What the caller received, per action, when the matrix allows it. */
async function assertAllowedResult(cell: Cell, s: Situation, value: unknown) {
  const text = JSON.stringify(value);
  const secrets = [s.subjectName, '1991-04-17', 'Matrixlaan', 'Geheime reden', 'Geheim doel'];
  switch (cell.action) {
    case 'case.view': {
      const view = value as { view: string; id: string; subject?: { name: string } };
      expect(view.id).toBe(s.caseId);
      expect(view.view).toBe(expectedView(cell.role, cell.relation));
      if (view.view === 'full' || view.view === 'shared') expect(view.subject?.name).toBe(s.subjectName);
      // The receipt and the pseudonymised view carry nothing about the person or their story.
      else for (const secret of secrets) expect(text).not.toContain(secret);
      const [logged] = await queryRows<{ view: string }>(
        handle.db,
        sql`select details->>'view' as view from audit_log where action = 'view' and case_id = ${s.caseId}
            and user_id = ${s.actor.userId} order by id desc limit 1`,
      );
      expect(logged?.view).toBe(view.view);
      break;
    }
    case 'case.list': {
      const { items } = value as { items: { id: string; subjectName?: string }[] };
      const item = items.find((i) => i.id === s.caseId);
      // A professional's list shows the cases their organisation is convened to, and only those.
      const listed = cell.role !== 'professional' || cell.relation === 'convened';
      expect(Boolean(item)).toBe(listed);
      if (item && cell.role === 'manager') {
        expect(item).not.toHaveProperty('subjectName');
        expect(text).not.toContain(s.subjectName);
      } else if (item) {
        expect(item.subjectName).toBe(s.subjectName);
      }
      break;
    }
    case 'case.create': {
      expect(value).toMatchObject({ status: 'aangemeld', number: expect.stringMatching(/^ZVH-\d{4}-\d{4}$/) });
      break;
    }
    case 'case.audit': {
      const rows = value as { action: string; caseNumber: string | null }[];
      expect(rows.map((r) => r.action)).toContain('create');
      expect(new Set(rows.map((r) => r.caseNumber))).toEqual(new Set([s.number]));
      break;
    }
    case 'case.subjectAccess': {
      const exported = value as { subject: { name: string }; cases: { number: string }[] };
      expect(exported.subject.name).toBe(s.subjectName);
      expect(exported.cases.map((c) => c.number)).toEqual([s.number]);
      break;
    }
    case 'partner.list': {
      const rows = value as { organisationId: string; reason?: string }[];
      expect(rows.map((r) => r.organisationId)).toEqual(expect.arrayContaining([org.om, org.ggz]));
      if (cell.role === 'manager') {
        expect(cell.decision).toBe('pseudonymised');
        expect(rows.every((r) => r.reason === undefined)).toBe(true);
        expect(text).not.toContain('Vervolging loopt');
      } else {
        expect(rows.find((r) => r.organisationId === org.om)?.reason).toBe('Vervolging loopt.');
      }
      break;
    }
    case 'agreement.list': {
      const rows = value as { id: string; description: string }[];
      expect(rows.map((r) => r.id)).toEqual([s.agreementId]);
      if (cell.role === 'manager') expect(text).not.toContain('Geheime afspraak');
      else expect(rows[0]!.description).toBe('Geheime afspraak voor de matrixtest.');
      break;
    }
    default:
      expect(value).toBeTruthy();
  }
}

describe.each(ROLES)('permission matrix: %s', (role) => {
  describe.each([...CASE_ACTIONS])('%s', (action) => {
    it.each(RELATIONS.map((relation) => ({ relation, decision: MATRIX[role][action][relation] })))(
      '$relation → $decision',
      async ({ relation, decision }) => {
        const cell: Cell = { role, action, relation, decision };
        const s = await situation(role, relation);
        const denialsBefore = await deniedRows(s.actor, action);
        const referredBefore = await casesReferredBy(s.actor);

        const { value, error } = await outcomeOf(PERFORM[action](s));

        if (isDenied(decision)) {
          expect(error?.code, `${role} ${action} (${relation}) must be refused`).toBe(
            decision === 'hidden' ? 'NOT_FOUND' : 'FORBIDDEN',
          );
          // Nothing changed, and the refusal is on record.
          expect(await snapshot(s.caseId)).toEqual(s.before);
          expect(await casesReferredBy(s.actor)).toBe(referredBefore);
          expect(await deniedRows(s.actor, action)).toBe(denialsBefore + 1);
          if (action !== 'case.list' && action !== 'case.create') {
            const [row] = await queryRows<{ entityId: string; outcome: string }>(
              handle.db,
              sql`select entity_id as "entityId", outcome from audit_log where user_id = ${s.actor.userId}
                  order by id desc limit 1`,
            );
            // An attempt on an agreement is logged as one (against its case), like one on a missing agreement.
            const onAgreement = action === 'agreement.update' || action === 'agreement.log';
            expect(row).toEqual({ entityId: onAgreement ? s.agreementId : s.caseId, outcome: 'denied' });
          }
          if (decision === 'hidden') {
            // 404 exactly as for a case that does not exist, so the answer does not reveal the case.
            const missing = await outcomeOf(PERFORM[action](onMissingCase(s)));
            expect({ code: error?.code, message: error?.message }).toEqual({
              code: missing.error?.code,
              message: missing.error?.message,
            });
          }
          return;
        }

        expect(error, `${role} ${action} (${relation}) must be allowed`).toBeUndefined();
        await assertAllowedResult(cell, s, value);
        expect(await snapshot(s.caseId)).toEqual(expectedAfter(action, s.before));
        expect(await casesReferredBy(s.actor)).toBe(referredBefore + (action === 'case.create' ? 1 : 0));
        expect(await deniedRows(s.actor, action)).toBe(denialsBefore);
      },
    );
  });
});
