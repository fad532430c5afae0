import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '@/db/open';
import { queryRows } from '@/db/query';
import { cases } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { verifyAuditChain } from '@/lib/audit/verify';
import { listCases } from '@/lib/cases/list-cases';
import { decryptField, encryptField } from '@/lib/crypto/field';
import { loadReferenceData } from '@/lib/reference/load';
import { seedDemo } from '@/lib/seed/demo';
import { signInAs } from '@/lib/testing/actors';
import { auditRowHash } from './audit-hash';
import { asUser } from '@/db/transaction';
import { readDashboard } from '@/lib/dashboard/figures';
import type { FigureReader } from '@/lib/dashboard/figure-reader';
import { liveFigures } from '@/lib/dashboard/live-figures';
import { resolveScope } from '@/lib/dashboard/query';
import { rollupFigures } from '@/lib/dashboard/rollup-figures';

import { generateScaleData, RefusedError, type ScaleReport } from './generate';
import { productionReason } from './guard';
import { parseScaleArgs, type ScaleOptions } from './options';

const CASES = 120;
const options = (overrides: Partial<ScaleOptions> = {}): ScaleOptions => ({
  ...parseScaleArgs(['--cases', String(CASES), '--audit-per-case', '6', '--chunk', '100']),
  ...overrides,
});

let handle: DbHandle;
let report: ScaleReport;

const count = async (table: string) =>
  (await queryRows<{ n: number }>(handle.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

beforeAll(async () => {
  handle = await useFreshDatabase();
  report = await generateScaleData(handle, options());
}, 120_000);
afterAll(() => closeDb());

describe('seed:scale on an empty database', () => {
  it('loads every table in the expected proportions', async () => {
    expect(await count('cases')).toBe(CASES);
    const treated = await queryRows<{ id: string; agreements: number; partners: number }>(
      handle.db,
      sql`select c.id, (select count(*)::int from agreements a where a.case_id = c.id) as agreements,
                 (select count(*)::int from case_partners p where p.case_id = c.id) as partners
          from cases c where exists (select 1 from agreements a where a.case_id = c.id)`,
    );
    expect(treated.length).toBeGreaterThan(CASES * 0.5);
    for (const c of treated) {
      expect(c.agreements).toBeGreaterThanOrEqual(1);
      expect(c.agreements).toBeLessThanOrEqual(15);
      expect(c.partners).toBeGreaterThanOrEqual(1);
      expect(c.partners).toBeLessThanOrEqual(6);
    }
    const agreements = await count('agreements');
    expect(agreements / treated.length).toBeGreaterThan(5);
    const actions = await count('agreement_actions');
    expect(actions / agreements).toBeGreaterThan(2);
    expect(actions / agreements).toBeLessThan(4.5);
    expect(await count('case_events')).toBeGreaterThan(CASES * 2);
    expect(await count('meetings')).toBeGreaterThan(0);
    expect(await count('agenda_items')).toBeGreaterThan(treated.length);
    expect(await count('meeting_invitees')).toBeGreaterThan(0);
    const audit = await count('audit_log');
    expect(audit).toBeGreaterThan(CASES * 6 * 0.3);
    expect(audit).toBeLessThan(CASES * 6 * 1.7);
    expect(report.tables.get('cases')?.rows).toBe(CASES);
  });

  it('mixes statuses like a house after ten years: most closed, every open status present in bulk', async () => {
    const rows = await queryRows<{ status: string; n: number }>(handle.db, sql`select status, count(*)::int as n from cases group by status`);
    const by = new Map(rows.map((r) => [r.status, r.n]));
    const closed = (by.get('afgesloten') ?? 0) + (by.get('afgewezen') ?? 0);
    expect(closed / CASES).toBeGreaterThan(0.6);
    expect(closed / CASES).toBeLessThan(0.95);
    expect(by.get('actief') ?? 0).toBeGreaterThan(0);
    const overdue = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from agreements where status in ('open', 'in_uitvoering') and due_date < current_date`,
    );
    expect(overdue[0]!.n).toBeGreaterThan(0);
    const span = await queryRows<{ years: number }>(handle.db, sql`select extract(epoch from max(created_at) - min(created_at)) / 31557600 as years from cases`);
    expect(Number(span[0]!.years)).toBeGreaterThan(7);
  });

  it('writes a chained audit log that the verifier accepts', async () => {
    const result = await verifyAuditChain(handle.db);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('hashes a row exactly as audit_row_hash does in SQL', async () => {
    const [row] = await queryRows<{ hash: string; prev_hash: string; id: number; at: Date }>(
      handle.db,
      sql`select id, at, prev_hash, hash from audit_log where details is not null order by id desc limit 1`,
    );
    const full = await queryRows<Record<string, string | null>>(
      handle.db,
      sql`select user_id, organisation_id, role::text, action::text, entity, entity_id, case_id, case_number, outcome, ip,
                 user_agent, details::text from audit_log where id = ${row!.id}`,
    );
    const f = full[0]!;
    const recomputed = auditRowHash(row!.prev_hash, {
      id: row!.id, at: new Date(row!.at).getTime(), userId: f.user_id ?? null, organisationId: f.organisation_id ?? null,
      role: f.role ?? null, action: f.action!, entity: f.entity!, entityId: f.entity_id ?? null, caseId: f.case_id ?? null,
      caseNumber: f.case_number ?? null, outcome: f.outcome!, ip: f.ip ?? null, userAgent: f.user_agent ?? null, details: f.details ?? null,
    });
    expect(recomputed).toBe(row!.hash);
  });

  it('stores subjects encrypted, readable by the app and findable by name', async () => {
    const [raw] = await queryRows<{ id: string; subject_name: string }>(handle.db, sql`select id, subject_name from cases where status = 'actief' limit 1`);
    expect(raw!.subject_name.startsWith('enc:v1:')).toBe(true);
    const [read] = await handle.db.select({ name: cases.subjectName, birthDate: cases.subjectBirthDate }).from(cases).where(eq(cases.id, raw!.id));
    expect(read!.name).toMatch(/^\p{L}+ .+/u);
    expect(read!.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const regisseur = await signInAs('regisseur@example.org');
    const surname = read!.name.split(' ').at(-1)!;
    const found = await listCases(regisseur, { q: surname, pageSize: 100 });
    expect(found.items.map((c) => c.id)).toContain(raw!.id);
    expect(found.items.find((c) => c.id === raw!.id)?.subjectName).toBe(read!.name);
  });

  it('writes ciphertext in the format lib/crypto decrypts', () => {
    expect(decryptField(encryptField('Jan de Vries', 'subject_name'), 'subject_name')).toBe('Jan de Vries');
    expect(() => decryptField(encryptField('Jan de Vries', 'subject_name'), 'subject_address')).toThrow();
  });

  it('marks the data as generated, numbers cases gap-free per year and keeps the counters ahead', async () => {
    const [marker] = await queryRows<{ value: { runs: unknown[] } }>(handle.db, sql`select value from settings where key = 'generated'`);
    expect(marker!.value.runs).toHaveLength(1);
    const [check] = await queryRows<{ behind: number }>(
      handle.db,
      sql`select count(*)::int as behind from (select split_part(number, '-', 2)::int as year, max(split_part(number, '-', 3)::int) as last
          from cases group by 1) n left join case_number_counters c on c.year = n.year where c.last is null or c.last < n.last`,
    );
    expect(check!.behind).toBe(0);
  });

  it('raised stagnation signals with its first sweep', async () => {
    expect(report.sweep?.skipped).toBe(false);
    expect(await count('signals')).toBeGreaterThan(0);
  });

  it('leaves the dashboard rollups equal to the live figures, though their triggers were off while it copied', async () => {
    const [regisseur] = await queryRows<{ id: string }>(handle.db, sql`select id from users where role = 'regisseur' order by id limit 1`);
    expect(await count('dashboard_case_days')).toBeGreaterThan(0);
    for (const query of [{}, { from: '2010-01-01', to: '2035-12-31' }]) {
      const scope = resolveScope(query, new Date('2030-01-01T12:00:00Z'));
      const read = (figures: FigureReader) => asUser(regisseur!.id, (tx) => readDashboard(tx, scope, { smallCells: 'exact', figures }));
      expect(await read(rollupFigures)).toEqual(await read(liveFigures));
    }
  });

  it('adds to its own data without --force, keeping constraints, indexes and the chain intact', async () => {
    const indexesBefore = await count(`pg_indexes where schemaname = 'public'`);
    const keysBefore = await count(`pg_constraint where contype = 'f'`);
    await generateScaleData(handle, options({ sweep: false, seed: 7 }));
    expect(await count('cases')).toBe(CASES * 2);
    expect(await count(`pg_indexes where schemaname = 'public'`)).toBe(indexesBefore);
    expect(await count(`pg_constraint where contype = 'f'`)).toBe(keysBefore);
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
  }, 120_000);
});

describe('seed:scale refuses', () => {
  it('a database with data it did not generate (the demo), unless forced', async () => {
    const other = await openPglite();
    try {
      await loadReferenceData(other.db);
      await seedDemo(other.db);
      await expect(generateScaleData(other, options({ sweep: false }))).rejects.toThrow(RefusedError);
      await expect(generateScaleData(other, options({ sweep: false }))).rejects.toThrow(/niet door seed:scale/);
      const [before] = await queryRows<{ n: number }>(other.db, sql`select count(*)::int as n from cases`);
      expect(before!.n).toBe(12);
      await generateScaleData(other, options({ sweep: false, force: true, cases: 20 }));
      const [after] = await queryRows<{ n: number }>(other.db, sql`select count(*)::int as n from cases`);
      expect(after!.n).toBe(32);
      expect((await verifyAuditChain(other.db)).ok).toBe(true);
    } finally {
      await other.close();
    }
  }, 120_000);

  it('a production-looking database URL, unless forced', async () => {
    expect(productionReason('postgres://casusregie@db.example.nl:5432/casusregie')).toMatch(/niet op deze machine/);
    expect(productionReason('postgres://casusregie@127.0.0.1:5432/casusregie_prod')).toMatch(/productie/);
    expect(productionReason('postgres://casusregie@localhost:55432/casusregie_scale')).toBeNull();
    expect(productionReason(undefined)).toBeNull();
    const empty = await openPglite();
    try {
      await expect(
        generateScaleData(empty, options({ sweep: false }), { databaseUrl: 'postgres://app@db.internal.example.nl/casusregie' }),
      ).rejects.toThrow(/Geweigerd: de database staat niet op deze machine/);
      const [users] = await queryRows<{ n: number }>(empty.db, sql`select count(*)::int as n from users`);
      expect(users!.n).toBe(0);
    } finally {
      await empty.close();
    }
  });

  it('malformed arguments, in Dutch', () => {
    expect(() => parseScaleArgs([])).toThrow(/Geef het aantal casussen op/);
    expect(() => parseScaleArgs(['--cases', 'veel'])).toThrow(/--cases moet een aantal zijn/);
    expect(() => parseScaleArgs(['--cases', '0'])).toThrow(/minstens 1/);
    expect(() => parseScaleArgs(['--cases', '10', '--turbo'])).toThrow(/Onbekende optie --turbo/);
    expect(parseScaleArgs(['--cases=10', '--force', '--no-sweep'])).toMatchObject({ cases: 10, force: true, sweep: false, auditPerCase: 50 });
  });
});
