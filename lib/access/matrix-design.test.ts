/**
 * The permission matrix against what DESIGN.md promises (the cells themselves are proven in matrix.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { userRole } from '@/db/schema';
import { CASE_ACTIONS, MATRIX, RELATIONS, isDenied, type CaseAction } from './matrix';
import { CELLS, ROLES } from './matrix-cases';

describe('the matrix itself', () => {
  it('decides every role of the database for every action and relation', () => {
    expect(new Set(ROLES)).toEqual(new Set(userRole.enumValues));
    for (const role of ROLES) {
      expect(Object.keys(MATRIX[role]).sort()).toEqual([...CASE_ACTIONS].sort());
      for (const action of CASE_ACTIONS) expect(Object.keys(MATRIX[role][action]).sort()).toEqual([...RELATIONS].sort());
    }
    expect(CELLS).toHaveLength(ROLES.length * CASE_ACTIONS.length * RELATIONS.length);
  });


  // What DESIGN.md promises, pinned independently of MATRIX: the generated tests prove that lib/ enforces
  // the matrix; these prove that the matrix still says what the design promises.
  const WRITES: CaseAction[] = [
    'case.update',
    'case.transition',
    'partner.add',
    'partner.end',
    'partner.lead',
    'agreement.create',
    'agreement.update',
  ];
  const CASE_BOUND = CASE_ACTIONS.filter((a) => a !== 'case.list' && a !== 'case.create');

  it('lets a regisseur do everything on every case of the house', () => {
    for (const action of CASE_ACTIONS) for (const relation of RELATIONS) expect(MATRIX.regisseur[action][relation]).toBe('allow');
  });

  it('shows an admin no case, not even that it exists', () => {
    for (const relation of RELATIONS) {
      expect(MATRIX.admin['case.list'][relation]).toBe('forbidden');
      expect(MATRIX.admin['case.create'][relation]).toBe('forbidden');
      for (const action of CASE_BOUND) expect(MATRIX.admin[action][relation]).toBe('hidden');
    }
  });

  it('answers 404, never 403, for a case a professional may not see', () => {
    for (const action of CASE_BOUND) expect(MATRIX.professional[action].none).toBe('hidden');
  });

  it('lets neither a professional nor a manager change a case, its partners or read its access log', () => {
    for (const action of [...WRITES, 'case.audit', 'case.subjectAccess'] as CaseAction[]) {
      for (const relation of RELATIONS) {
        expect(isDenied(MATRIX.professional[action][relation])).toBe(true);
        expect(isDenied(MATRIX.manager[action][relation])).toBe(true);
      }
    }
  });

  it('shows a manager facts only, and a referrer the receipt only', () => {
    for (const relation of RELATIONS) {
      for (const action of ['case.list', 'case.view', 'partner.list'] as CaseAction[]) {
        expect(MATRIX.manager[action][relation]).toBe('pseudonymised');
      }
    }
    expect(MATRIX.professional['case.view']).toEqual({ convened: 'shared', referrer: 'receipt', none: 'hidden' });
    expect(MATRIX.professional['partner.list'].referrer).toBe('hidden');
  });
});
