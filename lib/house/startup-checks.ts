import { migrationLevel, type MigrationLevel } from '@/db/migration-level';
import type { Executor } from '@/db/types';
import { fieldKeyProblem } from '@/lib/field-keys/key-check';
import { appRoleProblems } from './app-role-check';

/** Start-up refused: the message lists every problem and what to run. */
export class StartupRefusal extends Error {
  constructor(readonly problems: string[]) {
    super(`Casusregie start niet:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'StartupRefusal';
  }
}

function levelProblem(level: MigrationLevel): string | undefined {
  switch (level.state) {
    case 'current':
      return undefined;
    case 'empty':
      return `De database is nog niet ingericht (er zijn geen migraties toegepast): voer npm run db:migrate uit.`;
    case 'behind':
      return `De database staat op migratie ${level.at}; deze versie verwacht ${level.expected} (${level.missing} nog niet toegepast): voer npm run db:migrate uit.`;
    case 'ahead':
      return (
        `De database staat op ${level.at}, nieuwer dan deze versie van Casusregie kent (${level.expected}): ` +
        'start de nieuwere versie, of zet een back-up van vóór die migratie terug.'
      );
  }
}

/**
 * What stops this installation from serving: migrations not at the level of drizzle/, the app role missing
 * or without its grants, and (with `keys`) field keys that cannot read the data. Empty when all is well.
 */
export async function startupProblems(db: Executor, options: { keys: boolean }): Promise<string[]> {
  const level = levelProblem(await migrationLevel(db));
  const problems = [...(level ? [level] : []), ...(await appRoleProblems(db))];
  // The key check lives in a table of the last migrations: only once those are in.
  if (options.keys && problems.length === 0) {
    const keys = await fieldKeyProblem(db);
    if (keys) problems.push(keys);
  }
  return problems;
}
