/**
 * `npm run worker` as an operator runs it: a process of its own that works the scheduled jobs (PostgreSQL),
 * takes a job queued with `--now`, and stops cleanly on SIGTERM; on the embedded database it refuses.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServerDatabase } from '@/db/testing';

const ROOT = path.resolve(import.meta.dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const serverUrl = process.env.TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;

function start(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(TSX, ['scripts/worker.ts', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { text: '' };
  child.stdout!.on('data', (chunk) => (out.text += chunk));
  child.stderr!.on('data', (chunk) => (out.text += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out, exited };
}

describe('npm run worker', () => {
  it('refuses the embedded database, saying the server runs the jobs itself, and writes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casusregie-worker-'));
    try {
      const { out, exited } = start([], { ...process.env, DATABASE_URL: '', PGLITE_DIR: path.join(dir, 'pglite') });
      expect(await exited).toBe(1);
      expect(out.text).toContain('npm run worker werkt alleen met PostgreSQL (DATABASE_URL)');
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  describe.skipIf(!serverUrl)('on PostgreSQL', () => {
    let database: Awaited<ReturnType<typeof createServerDatabase>>;
    let worker: ChildProcess | undefined;
    beforeAll(async () => {
      database = await createServerDatabase(serverUrl!);
    });
    afterAll(async () => {
      worker?.kill('SIGKILL');
      await database?.drop();
    });

    it('runs a job queued with --now and stops on SIGTERM with exit code 0', async () => {
      const env = {
        ...process.env,
        DATABASE_URL: database.url,
        AUTH_SECRET: 'test-only-secret-0123456789abcdefghijklmnopqrstuvwxyz',
        FIELD_KEYS: `k1:${randomBytes(32).toString('base64')}`,
        FIELD_SEARCH_KEY: randomBytes(32).toString('base64'),
        SMTP_URL: '',
      };
      const running = start([], env);
      worker = running.child;
      await vi.waitFor(() => expect(running.out.text).toContain('[jobs] pg-boss gestart'), { timeout: 20_000, interval: 100 });
      const queued = start(['--now', 'sweep'], env);
      expect(await queued.exited).toBe(0);
      expect(queued.out.text).toMatch(/Taak sweep in de wachtrij/);
      await vi.waitFor(() => expect(running.out.text).toMatch(/"job":"sweep".*\[sweep\] \d+ signalen/), { timeout: 15_000, interval: 100 });
      running.child.kill('SIGTERM');
      expect(await running.exited).toBe(0);
      expect(running.out.text).not.toMatch(/"level":"(error|fatal)"/);
    }, 60_000);
  });
});
