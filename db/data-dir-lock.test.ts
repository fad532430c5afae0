import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, lockPathOf, processStartTicks } from './data-dir-lock';
import { openPglite } from './open';
import type { DbHandle } from './types';

// The lock concerns the embedded database only; on the PostgreSQL run of the suite there is nothing to add.
const embeddedRun = process.env.TEST_DB !== 'postgres';
const ROOT = path.resolve(import.meta.dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

/** Every file under `dir` with its size and modification time: what "nothing was written" compares. */
function listing(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const stat = fs.statSync(file);
      return `${path.relative(dir, file)} ${stat.size} ${stat.mtimeMs}`;
    })
    .sort();
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [script, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe.skipIf(!embeddedRun)('one owner for an embedded data directory', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'casusregie-lock-'));
  const dataDir = path.join(base, 'pglite');
  let held: DbHandle;

  beforeAll(async () => {
    held = await openPglite(dataDir);
  });
  afterAll(async () => {
    await held?.close();
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('every other opener refuses at once with exit code 1, names the directory and the pid, and writes nothing', async () => {
    const before = listing(base);
    const env = { ...process.env, PGLITE_DIR: dataDir, DATABASE_URL: '', FIELD_KEYS: '', FIELD_SEARCH_KEY: '', SCHEDULER: 'off' };
    const openers: [string, string[]][] = [
      ['scripts/sweep.ts', []],
      ['scripts/purge.ts', []],
      ['scripts/audit-verify.ts', []],
      ['scripts/keys-rotate.ts', ['--new-key']],
      ['scripts/db-seed.ts', ['--demo']],
      ['scripts/seed-scale.ts', ['--cases', '10', '--force']],
      ['scripts/db-migrate.ts', []],
      ['scripts/serve.ts', []],
    ];
    const results = await Promise.all(openers.map(([script, args]) => run(script, args, { ...env, PORT: '3977' })));
    results.forEach(({ code, output }, i) => {
      const script = openers[i]![0];
      expect({ script, code }).toEqual({ script, code: 1 });
      expect(output, script).toContain(`De ingebouwde database in ${dataDir} is in gebruik door proces ${process.pid}`);
      expect(output, script).toContain('Stop eerst de server');
    });
    expect(listing(base)).toEqual(before);
    // The holder still works on its data.
    await expect(held.db.execute('select 1')).resolves.toBeDefined();
  }, 120_000);

  it('a lock left by a process that has exited is taken over, and given back when the database closes', async () => {
    const dir = path.join(base, 'stale');
    const gone = spawnSync(process.execPath, ['-e', '']);
    fs.writeFileSync(lockPathOf(dir), JSON.stringify({ pid: gone.pid, startTicks: 1, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z' }));
    const handle = await openPglite(dir);
    expect(JSON.parse(fs.readFileSync(lockPathOf(dir), 'utf8'))).toMatchObject({ pid: process.pid });
    await handle.close();
    expect(fs.existsSync(lockPathOf(dir))).toBe(false);
  });

  it('a lock whose pid now belongs to another process (started later) is taken over', () => {
    const dir = path.join(base, 'reused');
    const other = spawn('sleep', ['30']);
    try {
      const ticks = processStartTicks(other.pid!);
      expect(ticks).toBeTypeOf('number');
      fs.writeFileSync(lockPathOf(dir), JSON.stringify({ pid: other.pid, startTicks: ticks! - 1, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z' }));
      const release = lockDataDir(dir);
      expect(JSON.parse(fs.readFileSync(lockPathOf(dir), 'utf8'))).toMatchObject({ pid: process.pid });
      release();
      // The same pid with its own start time is the holder: refused.
      fs.writeFileSync(lockPathOf(dir), JSON.stringify({ pid: other.pid, startTicks: ticks, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z' }));
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(`proces ${other.pid}`);
    } finally {
      other.kill();
    }
  });
});
