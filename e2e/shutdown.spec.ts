import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { expect, test } from '@playwright/test';

// Beside the journeys' own server (E2E_PORT), so parallel runs on other ports do not collide.
const port = Number(process.env.E2E_PORT ?? 3100) + 90;
const dataDir = `.data/e2e-shutdown/pglite`;

function startServer() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    env: { ...process.env, PORT: String(port), HOSTNAME: '127.0.0.1', PGLITE_DIR: dataDir, AUTH_SECRET: 'shutdown-test-secret-0123456789abcdefghijkl' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitReady() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/ready`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not become ready');
}

test('SIGTERM finishes requests in flight, closes the database cleanly, and the data survives', async () => {
  test.setTimeout(120_000);
  await rm('.data/e2e-shutdown', { recursive: true, force: true });
  const first = startServer();
  await waitReady();

  const inFlight = Array.from({ length: 20 }, () => fetch(`http://127.0.0.1:${port}/login`).then((r) => r.status));
  await new Promise((r) => setTimeout(r, 20));
  first.child.kill('SIGTERM');
  // While draining, the load balancer is told to stop sending traffic (polled: a busy machine may take a moment).
  await expect
    .poll(async () => (await fetch(`http://127.0.0.1:${port}/api/ready`)).status, { timeout: 1200, intervals: [50] })
    .toBe(503);
  expect(await Promise.all(inFlight)).toEqual(Array(20).fill(200));
  expect(await first.exited).toBe(0);
  expect(first.output()).toContain('database gesloten');

  // The embedded database opens again without recovery trouble and still has the demo accounts.
  const second = startServer();
  await waitReady();
  const csrf = await fetch(`http://127.0.0.1:${port}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const signIn = await fetch(`http://127.0.0.1:${port}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ csrfToken, email: 'regisseur@example.org', password: 'Casusregie-demo-2026', json: 'true' }),
  });
  expect(signIn.headers.getSetCookie().some((c) => c.startsWith('casusregie.session='))).toBe(true);
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);
  expect(second.output()).not.toContain('Ongeldige configuratie');
});
