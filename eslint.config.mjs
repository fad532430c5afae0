import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * Layers point down: app → components → lib → db. One rule per layer; for a file several blocks match, the
 * last wins, so a narrower block repeats the wider one's paths. Tests (`*.test.ts`) and scripts/ stand outside
 * the layers: they may reach any of them. Components may import server actions from app/: that is how a client
 * form calls the server in Next, and the action is the entry point, not a layer below it.
 */
const layer = (files, patterns, ignores = []) => ({
  files,
  ignores: ['**/*.test.ts', ...ignores],
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});
const ABOVE_LIB = { group: ['@/app/*', '@/components/*', '@/scripts/*'], message: 'lib/ is below app/ and components/, and tools (scripts/) are no layer: move what both need into lib/.' };

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', '.next-*/**', '.data/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**']),
  {
    rules: {
      // Personal data must never reach technical logs by accident: logging goes through lib/log.
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // next.config.js is CommonJS because the top level of the project is fixed to that file name.
    files: ['next.config.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Pages, actions and components reach the database through lib/ (withActor, withCase, RLS); the enums
  // (db/enums.ts) and types are shared.
  layer(
    ['app/**', 'components/**'],
    [{ group: ['@/db/*', '!@/db/enums', '@/scripts/*'], allowTypeImports: true, message: 'app/ and components/ go through lib/, not db/ (types and db/enums are fine), and never use tools (scripts/).' }],
  ),
  layer(['lib/**'], [ABOVE_LIB]),
  // Named back-arrows that once ran up, kept from returning: notify is below stagnation, audit below cases,
  // users below admin, field encryption (used by db/ for its columns) below db/.
  layer(['lib/notify/**'], [ABOVE_LIB, { group: ['@/lib/stagnation/*'], message: 'notify is below stagnation: shared days live in lib/calendar.' }]),
  layer(['lib/audit/**'], [ABOVE_LIB, { group: ['@/lib/cases/*'], message: 'audit is below cases: a case use case belongs in lib/cases.' }]),
  layer(['lib/users/**'], [ABOVE_LIB, { group: ['@/lib/admin/*'], message: 'users is below admin.' }]),
  layer(['lib/crypto/**'], [{ regex: '^@/(?!lib/env$|lib/errors$)', message: 'lib/crypto is below db/ (db/encrypted-text.ts): database work goes in lib/field-keys.' }]),
  // The bottom: the domain's error type and its calendar import nothing of the project; the actor type only
  // names its role and organisation kind with types from db/schema.
  layer(['lib/errors/**', 'lib/calendar/**'], [{ group: ['@/*'], message: 'lib/errors and lib/calendar are the bottom layer: they import nothing of the project.' }]),
  layer(['lib/actor/**'], [{ group: ['@/*'], allowTypeImports: true, message: 'lib/actor is the bottom layer: types only.' }]),
  // db/ may use only what sits beside it at the bottom: the environment, the log, and field encryption for
  // its encrypted column type. db/testing.ts, a test helper, prepares a database as the server start does.
  layer(['db/**'], [{ regex: '^@/(?!db/|lib/env$|lib/log$|lib/crypto/)', message: 'db/ is the lowest layer: it may not import lib/ (except env, log, crypto), app/ or components/.' }], ['db/testing.ts']),
  {
    files: ['scripts/**', 'e2e/**', '**/*.test.ts'],
    rules: { 'no-console': 'off' },
  },
]);
