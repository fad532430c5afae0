import { defineConfig } from '@playwright/test';

// The multi-instance suite (e2e/multi): its own PostgreSQL, PgBouncer, two production servers and HAProxy,
// started by the suite itself on MULTI_PORT (HAProxy) and the two ports above it. Runs after the journeys
// (`npm run test:e2e`), on the same build.
export default defineConfig({
  testDir: './e2e/multi',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
});
