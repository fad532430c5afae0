import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { municipalities, organisations, users } from '@/db/schema';
import { bootDatabase } from './database';

// The process's own embedded database, as `npm run demo` opens it (read by env() on first use).
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'casusregie-boot-'));
Object.assign(process.env, { PGLITE_DIR: path.join(base, 'pglite'), DATABASE_URL: '', DEMO_DATA: 'auto' });

async function rows() {
  const db = await getDb();
  const [[o], [u], [m]] = await Promise.all([
    db.select({ n: count() }).from(organisations),
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(municipalities),
  ]);
  return { organisations: o!.n, users: u!.n, municipalities: m!.n };
}

describe('the embedded database at the server start', () => {
  afterAll(async () => {
    await closeDb();
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('opening it writes nothing; the start loads reference and demo data, and a second start adds none', async () => {
    expect(await rows()).toEqual({ organisations: 0, users: 0, municipalities: 0 });
    await bootDatabase();
    const booted = await rows();
    expect(booted.organisations).toBeGreaterThan(0);
    expect(booted.users).toBeGreaterThan(0);
    expect(booted.municipalities).toBeGreaterThan(300);
    await bootDatabase();
    expect(await rows()).toEqual(booted);
  });
});
