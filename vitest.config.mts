import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const shared = {
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'server-only': path.resolve(import.meta.dirname, 'lib/testing/empty-module.ts'),
    },
  },
};

const test = {
  include: ['**/*.test.ts'],
  exclude: ['node_modules/**', '.next/**', '.next-*/**', 'e2e/**'],
  environment: 'node' as const,
  // Each integration file opens its own database; PGlite start-up and argon2 need a little time.
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

// The suite always runs on embedded PGlite; with TEST_DATABASE_URL it runs a second time against that
// PostgreSQL server (each file in a database of its own), so both drivers are proven by the same tests.
export default defineConfig({
  ...shared,
  test: {
    // Vitest's default is one worker less than the cores: a single file at a time on a 2-core CI machine.
    // Most files spend their time waiting on a database, a server or a timer, so two at once overlap.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      { ...shared, test: { ...test, name: 'pglite', env: { TEST_DB: 'pglite' } } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ ...shared, test: { ...test, name: 'postgres', env: { TEST_DB: 'postgres' } } }]
        : []),
    ],
  },
});
