import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreementStatus, caseStatus } from '@/db/schema';
import { ACTIVE_CASE_STATUSES, ENDED_CASE_STATUSES } from '@/lib/cases/statuses';
import { FINISHED_AGREEMENT_STATUSES, NOT_BROKEN_AGREEMENT_STATUSES, OPEN_AGREEMENT_STATUSES } from './statuses';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.(test|spec)\.tsx?$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

describe('status sets', () => {
  it('split the agreement statuses into open and finished, and the not-broken ones leave out only niet nagekomen', () => {
    expect([...OPEN_AGREEMENT_STATUSES, ...FINISHED_AGREEMENT_STATUSES].sort()).toEqual([...agreementStatus.enumValues].sort());
    expect(agreementStatus.enumValues.filter((s) => !(NOT_BROKEN_AGREEMENT_STATUSES as readonly string[]).includes(s))).toEqual([
      'niet_nagekomen',
    ]);
    for (const s of [...ENDED_CASE_STATUSES, ...ACTIVE_CASE_STATUSES]) expect(caseStatus.enumValues).toContain(s);
  });

  // Besides the sets' own modules: the enums themselves, db/schema/ (it mirrors the migrations' index
  // predicates) and the statuses a regisseur may choose in a form (lib/agreements/schemas.ts).
  it('are written out nowhere else in the code', () => {
    const spelled = /'open',\s*'in_uitvoering'|'afgesloten',\s*'afgewezen'|'gereed',\s*'niet_nagekomen',\s*'vervallen'|=== 'in_uitvoering'/;
    const own = new Set([
      'lib/agreements/statuses.ts',
      'lib/cases/statuses.ts',
      'db/literal-list.ts',
      'db/enums.ts',
      'lib/agreements/schemas.ts',
    ]);
    const offenders = ['app', 'components', 'lib', 'db', 'scripts']
      .flatMap(sourceFiles)
      // Every db/schema/ file: its index predicates mirror the migrations'.
      .filter((file) => !own.has(file) && !file.startsWith('db/schema/') && spelled.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
