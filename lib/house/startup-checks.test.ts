import { spawn } from 'node:child_process';
import { createSecretKey, randomBytes } from 'node:crypto';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/ready/route';
import { queryRows } from '@/db/query';
import { closeDb, createServerDatabase, useFreshDatabase } from '@/db/testing';
import type { DbHandle, Executor } from '@/db/types';
import { register } from '@/instrumentation';
import { fieldKeyProblem } from '@/lib/field-keys/key-check';
import { keyring, type Keyring } from '@/lib/crypto/keys';
import { selfCheckState } from './self-check';
import { startupProblems } from './startup-checks';

const NOW = new Date('2026-03-04T10:00:00+01:00');
const onServer = process.env.TEST_DB === 'postgres';
const serverUrl = onServer ? process.env.TEST_DATABASE_URL : undefined;
let handle: DbHandle;

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
});
afterAll(() => closeDb());

/** Runs `change` and then `look` in one transaction that is rolled back: the database is as before. */
async function whileChanged<T>(change: (tx: Executor) => Promise<unknown>, look: (tx: Executor) => Promise<T>): Promise<T> {
  let seen: T | undefined;
  await handle.db
    .transaction(async (tx) => {
      await change(tx);
      seen = await look(tx);
      throw new Error('rollback');
    })
    .catch((error: Error) => {
      if (error.message !== 'rollback') throw error;
    });
  return seen!;
}

const otherRing = (id: string): Keyring => ({
  current: id,
  keys: new Map([[id, createSecretKey(randomBytes(32))]]),
  searchKey: createSecretKey(randomBytes(32)),
});

describe('the start-up checks', () => {
  it('find nothing wrong in a migrated database with its role, and write the key check on the first start', async () => {
    expect(await startupProblems(handle.db, { keys: true })).toEqual([]);
    const [check] = await queryRows<{ key_id: string }>(handle.db, sql`select key_id from field_key_check`);
    expect(check?.key_id).toBe(keyring().current);
    expect(await startupProblems(handle.db, { keys: true })).toEqual([]);
  });

  it('say to run npm run db:migrate when migrations are missing, and refuse a database newer than this version', async () => {
    const behind = await whileChanged(
      (tx) => tx.execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`),
      (tx) => startupProblems(tx, { keys: true }),
    );
    expect(behind).toEqual([expect.stringMatching(/^De database staat op migratie \d{4}_\w+; deze versie verwacht \d{4}_\w+ \(1 nog niet toegepast\): voer npm run db:migrate uit\.$/)]);
    const empty = await whileChanged((tx) => tx.execute(sql`delete from drizzle.__drizzle_migrations`), (tx) => startupProblems(tx, { keys: true }));
    expect(empty[0]).toMatch(/nog niet ingericht.*voer npm run db:migrate uit/);
    const ahead = await whileChanged(
      (tx) => tx.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('later', 1895400000000)`),
      (tx) => startupProblems(tx, { keys: true }),
    );
    expect(ahead[0]).toMatch(/nieuwer dan deze versie van Casusregie kent \(\d{4}_\w+\): start de nieuwere versie/);
  });

  it('name the grants the app role lacks after a restore without it, and what to do', async () => {
    const problems = await whileChanged(
      (tx) => tx.execute(sql`revoke all on all tables in schema public from casusregie_app`),
      (tx) => startupProblems(tx, { keys: true }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^De databaserol casusregie_app mist rechten \(SELECT op organisations; SELECT, INSERT, UPDATE op cases; .*Back-up en herstel/),
    ]);
  });

  // Roles belong to the whole cluster: renamed only in the embedded database, never on the shared server.
  it.skipIf(onServer)('say how to create the app role when it does not exist', async () => {
    const problems = await whileChanged(
      (tx) => tx.execute(sql`alter role casusregie_app rename to casusregie_app_elders`),
      (tx) => startupProblems(tx, { keys: true }),
    );
    expect(problems).toEqual([expect.stringMatching(/^De databaserol casusregie_app bestaat niet\. .*CREATE ROLE casusregie_app NOLOGIN; GRANT casusregie_app TO \w+;.*npm run db:migrate/)]);
  });

  it('stop at field keys that cannot read the data, naming the key id, before and after the key check is written', async () => {
    const [check] = await queryRows<{ key_id: string }>(handle.db, sql`select key_id from field_key_check`);
    expect(await fieldKeyProblem(handle.db, otherRing('k9'))).toMatch(new RegExp(`sleutel "${check!.key_id}" ontbreekt in FIELD_KEYS`));
    // The same id with other key material: a restore with the wrong FIELD_KEYS.
    expect(await fieldKeyProblem(handle.db, otherRing(check!.key_id))).toMatch(/is een andere dan waarmee de database is versleuteld/);
    // A database from before the check: its data is tried, and no check value is written under a wrong key.
    const beforeCheck = await whileChanged(
      (tx) => tx.execute(sql`delete from field_key_check`),
      async (tx) => ({ problem: await fieldKeyProblem(tx, otherRing('k9')), written: await queryRows(tx, sql`select 1 from field_key_check`) }),
    );
    expect(beforeCheck.problem).toMatch(new RegExp(`sleutel "${keyring().current}" ontbreekt`));
    expect(beforeCheck.written).toEqual([]);
  });

  it('stop the server start (instrumentation) with the message, and keep /api/ready at 503', async () => {
    const saved = { runtime: process.env.NEXT_RUNTIME, scheduler: process.env.SCHEDULER };
    Object.assign(process.env, { NEXT_RUNTIME: 'nodejs', SCHEDULER: 'off' });
    try {
      await handle.db.execute(sql`update field_key_check set key_id = 'k9', value = 'enc:v1:k9:AAAA'`);
      const logged: string[] = [];
      vi.spyOn(console, 'error').mockImplementation((line: unknown) => void logged.push(String(line)));
      await register();
      expect(logged.join('\n')).toMatch(/^Casusregie start niet:\n {2}- De veldsleutels kunnen deze database niet lezen: sleutel "k9" ontbreekt/);
      expect(selfCheckState()).toBe('failed');
      const ready = await GET();
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'self-check-failed' });
      await handle.db.execute(sql`delete from field_key_check`);
      await register();
      expect(selfCheckState()).toBe('ok');
      expect((await GET()).status).toBe(200);
    } finally {
      vi.restoreAllMocks();
      process.env.NEXT_RUNTIME = saved.runtime;
      process.env.SCHEDULER = saved.scheduler;
      if (saved.runtime === undefined) delete process.env.NEXT_RUNTIME;
      if (saved.scheduler === undefined) delete process.env.SCHEDULER;
    }
  });
});

/** Runs a script of scripts/ against `databaseUrl` as a separate process, as an operator would. */
function runScript(script: string, databaseUrl: string, fieldKeys: string): Promise<{ code: number | null; output: string }> {
  const root = path.resolve(import.meta.dirname, '../..');
  return new Promise((resolve) => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), [script], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: 'test-only-secret-0123456789abcdefghijklmnopqrstuvwxyz',
        FIELD_KEYS: fieldKeys,
        FIELD_SEARCH_KEY: randomBytes(32).toString('base64'),
        PORT: '3978',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe.skipIf(!serverUrl)('a restored database that cannot serve, seen by the scripts an operator runs', () => {
  let restored: Awaited<ReturnType<typeof createServerDatabase>>;
  const key = () => randomBytes(32).toString('base64');
  beforeAll(async () => {
    restored = await createServerDatabase(serverUrl!);
  });
  afterAll(() => restored?.drop());

  it('npm start with a FIELD_KEYS that lacks the key of the data stops at once, exit code 1, naming the key id', async () => {
    const { openPostgres } = await import('@/db/open');
    const { writeKeyCheck } = await import('@/lib/field-keys/key-check');
    const owner = await openPostgres(restored.url, { max: 1 });
    await writeKeyCheck(owner.db, otherRing('k1'));
    await owner.close();
    const result = await runScript('scripts/serve.ts', restored.url, `k2:${key()}`);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/^Casusregie start niet:\n {2}- De veldsleutels kunnen deze database niet lezen: sleutel "k1" ontbreekt in FIELD_KEYS/m);
    expect(result.output).not.toContain('luistert');
  });

  it('npm run db:migrate after a restore that lost the grants refuses with exit code 1 and says what to do', async () => {
    const { openPostgres } = await import('@/db/open');
    const owner = await openPostgres(restored.url, { max: 1 });
    await owner.db.execute(sql`revoke all on all tables in schema public from casusregie_app`);
    await owner.close();
    const result = await runScript('scripts/db-migrate.ts', restored.url, `k1:${key()}`);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/Casusregie start niet:\n {2}- De databaserol casusregie_app mist rechten .*pg_restore --clean/);
  });
});
