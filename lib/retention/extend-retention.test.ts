/**
 * The regisseur's one extension of a case's retention term, the admin's terms, and how both steer the
 * job (frozen clock).
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { cases } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { signInAs } from '@/lib/testing/actors';
import { getCaseRetention } from './case-retention';
import { extendRetention } from './extend-retention';
import { readRetentionSettings, updateRetentionSettings } from './manage-settings';
import { runRetention } from './run-retention';
import { addYearsUtc } from './term';
import { refusal } from '@/lib/testing/outcome';

const CLOSED = new Date('2026-02-02T09:00:00Z');
const NOW = new Date('2027-05-01T09:00:00Z');
const REASON = 'Lopende civiele procedure; het dossier is nog nodig.';

let handle: DbHandle;
const actor: Record<string, Actor> = {};
let dylan: string;
let gerda: string;
let jan: string;
let henk: string;

const versionOf = async (id: string) => (await handle.db.select({ v: cases.version }).from(cases).where(eq(cases.id, id)))[0]!.v;


beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
  const all = await handle.db.select({ id: cases.id, name: cases.subjectName }).from(cases);
  dylan = all.find((c) => c.name === 'Dylan Koster')!.id; // afgesloten; ggz and gemeente Utrecht convened
  gerda = all.find((c) => c.name === 'Gerda Smit')!.id; // afgewezen
  jan = all.find((c) => c.name === 'Jan de Vries')!.id; // actief
  henk = all.find((c) => c.name === 'Henk Pieters')!.id; // aangemeld
  await handle.db.update(cases).set({ closedAt: CLOSED }).where(eq(cases.id, dylan));
  await handle.db.update(cases).set({ closedAt: CLOSED }).where(eq(cases.id, gerda));
  for (const name of ['regisseur', 'manager', 'ggz', 'politie', 'admin']) actor[name] = await signInAs(`${name}@example.org`);
});
afterAll(() => closeDb());

describe('extending a case’s retention term', () => {
  it('shows the regisseur the term of an ended case, and none for an open one', async () => {
    expect(await getCaseRetention(actor.regisseur!, dylan)).toMatchObject({
      category: 'handled',
      closedAt: CLOSED,
      endsAt: addYearsUtc(CLOSED, 5),
      extension: null,
      canExtend: true,
      extensionYears: 1,
    });
    expect(await getCaseRetention(actor.regisseur!, jan)).toBeNull();
  });

  it('asks for a reason of at least 10 characters, in Dutch', async () => {
    const error = await refusal(extendRetention(actor.regisseur!, dylan, { version: await versionOf(dylan), reason: 'Nodig' }, NOW));
    expect(error.code).toBe('VALIDATION');
    expect(error.fieldErrors?.reason?.[0]).toMatch(/minstens 10 tekens/);
  });

  it('refuses a stale version with 409', async () => {
    const error = await refusal(extendRetention(actor.regisseur!, dylan, { version: (await versionOf(dylan)) + 5, reason: REASON }, NOW));
    expect(error.code).toBe('CONFLICT');
  });

  it('lets only a regisseur extend: a convened professional gets 403, others 404, all logged', async () => {
    const input = { version: await versionOf(dylan), reason: REASON };
    expect((await refusal(extendRetention(actor.ggz!, dylan, input, NOW))).code).toBe('FORBIDDEN');
    expect((await refusal(extendRetention(actor.politie!, dylan, input, NOW))).code).toBe('NOT_FOUND');
    expect((await refusal(extendRetention(actor.admin!, dylan, input, NOW))).code).toBe('NOT_FOUND');
    expect((await refusal(extendRetention(actor.manager!, dylan, input, NOW))).code).toBe('FORBIDDEN');
    const [denied] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from audit_log where action = 'denied' and case_id = ${dylan} and details->>'attempted' = 'case.update'`,
    );
    expect(denied!.n).toBe(4);
  });

  it('refuses an open case', async () => {
    const error = await refusal(extendRetention(actor.regisseur!, jan, { version: await versionOf(jan), reason: REASON }, NOW));
    expect(error.message).toMatch(/Alleen een afgesloten of afgewezen casus/);
  });

  it('extends once by the configured term, recorded on the timeline and in the audit log without the reason', async () => {
    const version = await versionOf(dylan);
    const result = await extendRetention(actor.regisseur!, dylan, { version, reason: `  ${REASON}  ` }, NOW);
    expect(result).toEqual({ id: dylan, version: version + 1, retentionEndsAt: addYearsUtc(CLOSED, 6) });
    const [row] = await handle.db.select().from(cases).where(eq(cases.id, dylan));
    expect(row).toMatchObject({
      retentionExtendedUntil: addYearsUtc(CLOSED, 6),
      retentionExtensionReason: REASON,
      retentionExtendedBy: actor.regisseur!.userId,
      retentionExtendedAt: NOW,
    });
    const [entry] = await queryRows<{ details: Record<string, string> }>(
      handle.db,
      sql`select details from audit_log where action = 'update' and case_id = ${dylan} order by id desc limit 1`,
    );
    expect(entry!.details).toEqual({ retention: 'extended', from: addYearsUtc(CLOSED, 5).toISOString(), until: addYearsUtc(CLOSED, 6).toISOString() });
    const [event] = await queryRows<{ data: unknown }>(handle.db, sql`select data from case_events where case_id = ${dylan} and kind = 'edit'`);
    expect(event!.data).toEqual({ fields: ['retention'] });
    expect(await getCaseRetention(actor.regisseur!, dylan)).toMatchObject({
      endsAt: addYearsUtc(CLOSED, 6),
      extension: { until: addYearsUtc(CLOSED, 6), at: NOW, byName: actor.regisseur!.name, reason: REASON },
      canExtend: false,
    });
  });

  it('refuses a second extension with a Dutch message', async () => {
    const error = await refusal(extendRetention(actor.regisseur!, dylan, { version: await versionOf(dylan), reason: REASON }, NOW));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('De bewaartermijn van deze casus is al eens verlengd. Dat kan maar één keer.');
  });

  it('keeps the extended case past its own term, and takes it when the extension ends', async () => {
    const afterTerm = new Date(addYearsUtc(CLOSED, 5).getTime() + 1000);
    expect((await runRetention(handle.db, { now: afterTerm })).cases.map((c) => c.id)).not.toContain(dylan);
    const afterExtension = await runRetention(handle.db, { now: addYearsUtc(CLOSED, 6) });
    expect(afterExtension.cases.find((c) => c.id === dylan)).toMatchObject({ category: 'handled' });
    const error = await refusal(extendRetention(actor.regisseur!, dylan, { version: await versionOf(dylan), reason: REASON }, NOW));
    expect(error.message).toMatch(/al verwijderd/);
  });
});

describe('the retention terms (functioneel beheer)', () => {
  it('shows the defaults to an admin and to nobody else', async () => {
    expect(await readRetentionSettings(actor.admin!)).toEqual({
      settings: { rejectedYears: 2, handledYears: 5, auditLogYears: 5, extensionYears: 1 },
      version: 0,
      updatedAt: null,
    });
    expect((await refusal(readRetentionSettings(actor.regisseur!))).code).toBe('NOT_FOUND');
    expect((await refusal(updateRetentionSettings(actor.manager!, { version: 0, settings: {} }))).code).toBe('NOT_FOUND');
  });

  it('refuses invalid terms on the field and a stale version with 409', async () => {
    const invalid = await refusal(updateRetentionSettings(actor.admin!, { version: 0, settings: { rejectedYears: 0 } }));
    expect(invalid.fieldErrors).toEqual({ 'settings.rejectedYears': ['moet minstens 1 jaar zijn'] });
    expect((await refusal(updateRetentionSettings(actor.admin!, { version: 3, settings: {} }))).code).toBe('CONFLICT');
  });

  it('stores new terms, audited, and the job uses them', async () => {
    const saved = await updateRetentionSettings(actor.admin!, { version: 0, settings: { rejectedYears: 1, handledYears: 5, auditLogYears: 5, extensionYears: 2 } });
    expect(saved.version).toBe(1);
    const [entry] = await queryRows<{ details: unknown }>(
      handle.db,
      sql`select details from audit_log where entity = 'settings' and entity_id = 'retention' order by id desc limit 1`,
    );
    expect(entry!.details).toEqual({ changed: ['rejectedYears', 'extensionYears'] });
    // A case rejected now goes a year from now with the new term, not two.
    await handle.db.update(cases).set({ status: 'afgewezen', closedAt: NOW }).where(eq(cases.id, henk));
    const early = await runRetention(handle.db, { now: new Date(addYearsUtc(NOW, 1).getTime() + 1000) });
    expect(early.cases.map((c) => c.id)).toEqual([henk]);
    expect((await refusal(updateRetentionSettings(actor.admin!, { version: 0, settings: {} }))).code).toBe('CONFLICT');
  });
});
