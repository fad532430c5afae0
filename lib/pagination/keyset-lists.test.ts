// First: it sets up the request scopes Next's modules expect before any of them loads.
import { callRoute, signedInBrowser } from '@/lib/testing/next-request';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { listAgreementPage, OWN_COUNT_CAP } from '@/lib/agreements/list-agreements';
import { listCases } from '@/lib/cases/list-cases';
import { createReferral } from '@/lib/cases/refer';
import { referralSchema } from '@/lib/cases/schemas';
import { AppError } from '@/lib/errors';
import { listSignals } from '@/lib/signals/list-signals';
import { signInAll } from '@/lib/testing/actors';
import { encodeCursor } from './cursor';

process.env.AUTH_SECRET ??= 'test-only-secret-0123456789abcdefghijklmnopqrstuvwxyz';

// "Meer laden": every list goes on from a cursor, 50 at a time; walking the pages shows each row once, in order.

const NOW = new Date('2026-06-15T10:00:00+02:00');
const ORIGIN = 'http://localhost:3000';

const REFERRAL = {
  subject: { name: 'Ruud Tussendoor', birthDate: '1970-05-05', address: null },
  municipalityCode: 'GM0344',
  targetGroup: 'overlast',
  criteria: { multiDomain: true, multiChain: true, household: false, localSafety: true },
  reason: 'Melding van het wijkteam.',
  goal: 'Zicht op de situatie.',
};

let handle: DbHandle;
let regisseur: Actor, politie: Actor, manager: Actor;

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Every page from the first on, following the cursors; `between` runs after each page (a colleague's inserts). */
async function walk<T extends { id: string }>(load: (cursor?: string) => Promise<Page<T>>, between?: (page: number) => Promise<void>) {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await load(cursor);
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
    if (between) await between(pages.length);
  } while (cursor && pages.length < 100);
  return { pages, ids: pages.flat().map((r) => r.id) };
}

const ids = async (query: ReturnType<typeof sql>) => (await queryRows<{ id: string }>(handle.db, query)).map((r) => r.id);

async function refusedCursor(run: () => Promise<unknown>) {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(422);
  expect((error as AppError).localized('nl').message).toMatch(/vervolgpagina/);
}

/** A cursor made of the given one with one character of its position changed (its signature kept). */
function tampered(cursor: string): string {
  const [payload, signature] = cursor.split('.');
  const values = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as string[];
  values[values.length - 1] = '00000000-0000-4000-8000-000000000000';
  return `${Buffer.from(JSON.stringify(values)).toString('base64url')}.${signature}`;
}

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  ({ regisseur, politie, manager } = await signInAll('regisseur', 'politie', 'manager'));
});
afterAll(() => closeDb());

describe('the signal list by cursor', () => {
  const insertSignals = (n: number, level: string, since: string, tag: string) =>
    handle.db.execute(sql`
      insert into signals (key, rule, subject_type, subject_id, case_id, since, message, status, level, level_since)
      select ${tag} || ':' || g, 'case_inactive', 'case', c.id, c.id, ${since}::timestamptz, 'Geen voortgang', 'open', ${level}::int, ${since}::timestamptz
      from generate_series(1, ${n}) g, (select id from cases order by number limit 1) c`);

  beforeAll(async () => {
    // Many signals on the same level and the same microsecond: the id alone tells them apart, and a cursor
    // cut to milliseconds would skip or repeat them.
    await insertSignals(60, '1', '2026-05-01T08:00:00.123456Z', 'keyset-a');
    await insertSignals(40, '1', '2026-05-01T08:00:00.123999Z', 'keyset-b');
    await insertSignals(30, '3', '2026-05-20T08:00:00.5Z', 'keyset-c');
  });

  const ladder = () => ids(sql`select id from signals where status = 'open' order by level desc, since, id`);

  it('walks every open signal once, in ladder order, 50 at a time, also when signals arrive between pages', async () => {
    const before = await ladder();
    expect(before.length).toBeGreaterThanOrEqual(130);
    let added = 0;
    const { pages, ids: seen } = await walk(
      (cursor) => listSignals(regisseur, { status: 'open', cursor }),
      async (page) => {
        if (page !== 1) return;
        // One ahead of the cursor (the top of the ladder), one after it (the bottom): the walk neither repeats nor skips.
        await insertSignals(1, '3', '2026-04-01T00:00:00Z', 'keyset-top');
        await insertSignals(1, '0', '2026-06-14T00:00:00Z', 'keyset-bottom');
        added = 2;
      },
    );
    expect(added).toBe(2);
    expect(pages[0]).toHaveLength(50);
    expect(new Set(seen).size).toBe(seen.length);
    const after = await ladder();
    const [top, bottom] = [after.find((id) => !before.includes(id) && after.indexOf(id) < 50), after.at(-1)];
    expect(seen).not.toContain(top);
    expect(seen.at(-1)).toBe(bottom);
    expect(seen.filter((id) => id !== bottom)).toEqual(before);
  });

  it('counts the matches, not just the page, and gives no cursor on the last page', async () => {
    const first = await listSignals(regisseur, { status: 'open' });
    const all = await ladder();
    expect(first.total).toBe(all.length);
    expect(first.capped).toBe(false);
    const only = await listSignals(regisseur, { status: 'open', level: 'stuurgroep' });
    expect(only.items.length).toBeLessThan(50);
    expect(only.nextCursor).toBeNull();
  });

  it('gives a manager the same pages without free text; a professional still gets nothing', async () => {
    const asRegisseur = await walk((cursor) => listSignals(regisseur, { status: 'open', cursor }));
    const asManager = await walk((cursor) => listSignals(manager, { status: 'open', cursor }));
    expect(asManager.ids).toEqual(asRegisseur.ids);
    expect(asManager.pages.flat().every((s) => s.agreementDescription === null && s.resolutionNote === null)).toBe(true);
    await expect(listSignals(politie, { status: 'open' })).rejects.toMatchObject({ status: 404 });
  });

  it('refuses a changed, cut, made-up or another list’s cursor with 422', async () => {
    const { nextCursor } = await listSignals(regisseur, { status: 'open' });
    expect(nextCursor).toBeTruthy();
    await refusedCursor(() => listSignals(regisseur, { status: 'open', cursor: tampered(nextCursor!) }));
    await refusedCursor(() => listSignals(regisseur, { status: 'open', cursor: nextCursor!.slice(0, -3) }));
    await refusedCursor(() => listSignals(regisseur, { status: 'open', cursor: 'abc' }));
    await refusedCursor(() => listSignals(regisseur, { status: 'open', cursor: encodeCursor('agreements', ['0', '2026-01-01', nextCursor!]) }));
  });
});

describe('Mijn afspraken and the house’s agreements by cursor', () => {
  let politieCase: string | undefined, otherCase: string | undefined, politieOrg: string, ggzOrg: string | undefined;

  const insertAgreements = (n: number, caseId: string, org: string, due: string, status: string) =>
    handle.db.execute(sql`
      insert into agreements (case_id, description, owner_organisation_id, due_date, original_due_date, status, created_by_user_id, created_by_name)
      select ${caseId}::uuid, 'Afspraak ' || g, ${org}::uuid, ${due}::date + (g % 4), ${due}::date, ${status}::agreement_status, u.id, u.name
      from generate_series(1, ${n}) g, (select id, name from users where email = 'regisseur@example.org') u`);

  beforeAll(async () => {
    politieOrg = politie.organisationId;
    [ggzOrg] = await ids(sql`select id from organisations where id <> ${politieOrg} and exists (select 1 from users where organisation_id = organisations.id and email = 'ggz@example.org')`);
    [politieCase] = await ids(sql`select case_id as id from case_partners where organisation_id = ${politieOrg} and ended_at is null order by case_id limit 1`);
    [otherCase] = await ids(sql`select c.id from cases c where not exists (select 1 from case_partners p where p.case_id = c.id and p.organisation_id = ${politieOrg}) and c.referrer_organisation_id <> ${politieOrg} order by c.id limit 1`);
    // Due dates that repeat (four per group): within a date the id decides.
    await insertAgreements(70, politieCase!, politieOrg, '2026-06-01', 'open');
    await insertAgreements(45, politieCase!, politieOrg, '2026-03-01', 'gereed');
    await insertAgreements(30, otherCase!, ggzOrg!, '2026-06-01', 'open');
  });

  const expected = (org?: string) =>
    ids(sql`select id from agreements where (${org ?? null}::uuid is null or owner_organisation_id = ${org ?? null}::uuid)
      order by status not in ('open', 'in_uitvoering'),
        case when status in ('open', 'in_uitvoering') then due_date end, case when status in ('open', 'in_uitvoering') then id end,
        due_date desc, id desc`);

  it('walks a partner’s agreements once: open by due date, then the finished, latest first; inserts between pages skip nothing', async () => {
    const before = await expected(politieOrg);
    expect(before.length).toBeGreaterThan(115);
    const { pages, ids: seen } = await walk(
      (cursor) => listAgreementPage(politie, { cursor }, NOW),
      async (page) => {
        if (page === 1) await insertAgreements(1, politieCase!, politieOrg, '2026-07-30', 'gereed');
      },
    );
    expect(pages[0]).toHaveLength(50);
    expect(new Set(seen).size).toBe(seen.length);
    const after = await expected(politieOrg);
    const late = after.find((id) => !before.includes(id))!;
    // Finished with the latest due date: the first of the finished part, not reached yet when it was made.
    expect(seen).toContain(late);
    expect(seen.filter((id) => id !== late)).toEqual(before);
    expect(seen).toEqual(after.filter((id) => seen.includes(id)));
  });

  it('keeps a partner to its own organisation’s agreements; a regisseur walks the whole house', async () => {
    const partner = await walk((cursor) => listAgreementPage(politie, { cursor }, NOW));
    const ggzOwned = new Set(await ids(sql`select id from agreements where owner_organisation_id = ${ggzOrg!}`));
    expect(partner.ids.some((id) => ggzOwned.has(id))).toBe(false);
    const house = await walk((cursor) => listAgreementPage(regisseur, { cursor }, NOW));
    expect(house.ids).toEqual(await expected());
    const first = await listAgreementPage(regisseur, {}, NOW);
    expect(first.total).toBe(house.ids.length);
  });

  it('goes on by cursor within one status, and refuses a changed cursor with 422', async () => {
    const done = await walk((cursor) => listAgreementPage(politie, { status: 'gereed', cursor }, NOW));
    expect(done.ids).toEqual(await ids(sql`select id from agreements where owner_organisation_id = ${politieOrg} and status = 'gereed' order by due_date desc, id desc`));
    const { nextCursor } = await listAgreementPage(politie, {}, NOW);
    await refusedCursor(() => listAgreementPage(politie, { cursor: tampered(nextCursor!) }, NOW));
    await refusedCursor(() => listAgreementPage(politie, { cursor: encodeCursor('agreements', ['7', '2026-01-01', politieOrg]) }, NOW));
  });

  it('counts for a partner exactly what its walk shows, whatever the filter, not its agreements in a case it has left', async () => {
    // The police left a case in which it still owns open agreements, some overdue: the regisseur sees them,
    // the police no longer does, in its list or its count (drizzle/0046 counts without the policy).
    const [left] = await ids(sql`select c.id from cases c where not exists (select 1 from case_partners p where p.case_id = c.id and p.organisation_id = ${politieOrg})
      and c.referrer_organisation_id <> ${politieOrg} and c.id <> ${otherCase!} order by c.id limit 1`);
    await handle.db.execute(sql`insert into case_partners (case_id, organisation_id, reason, added_by_user_id, added_at, ended_at, ended_by_user_id, end_reason)
      select ${left!}::uuid, ${politieOrg}::uuid, 'Zorgen om de veiligheid.', u.id, '2026-01-05', '2026-02-01', u.id, 'Rol vervuld.' from users u where u.email = 'regisseur@example.org'`);
    await insertAgreements(12, left!, politieOrg, '2026-05-01', 'open');
    await handle.db.execute(sql`update agreements set owner_user_id = ${politie.userId} where case_id = ${politieCase!} and description in ('Afspraak 1', 'Afspraak 2', 'Afspraak 3')`);
    const leftOwned = await ids(sql`select id from agreements where case_id = ${left!} and owner_organisation_id = ${politieOrg}`);
    expect(leftOwned.length).toBeGreaterThanOrEqual(12);

    for (const query of [{}, { owner: 'me' }, { overdue: 'true' }, { overdue: 'true', owner: 'me' }, { status: 'gereed' }, { status: 'open' }, { status: 'gereed', overdue: 'true' }] as const) {
      const seen = await walk((cursor) => listAgreementPage(politie, { ...query, cursor }, NOW, 20));
      expect(seen.ids.some((id) => leftOwned.includes(id)), JSON.stringify(query)).toBe(false);
      // A page of one, so that more follow and the list counts; a page further on counts again.
      const first = await listAgreementPage(politie, query, NOW, 1);
      expect({ query, total: first.total, capped: first.capped }).toEqual({ query, total: seen.ids.length, capped: false });
      if (first.nextCursor) expect((await listAgreementPage(politie, { ...query, cursor: first.nextCursor }, NOW, 1)).total).toBe(first.total);
    }
    const overdue = await listAgreementPage(politie, { overdue: 'true' }, NOW, 1);
    expect(overdue.total).toBeGreaterThan(20);
    expect((await listAgreementPage(politie, { owner: 'me' }, NOW, 1)).total).toBeGreaterThanOrEqual(3);
    expect((await listAgreementPage(politie, { status: 'gereed', overdue: 'true' }, NOW, 1)).total).toBe(0);
    const house = await listAgreementPage(regisseur, { overdue: 'true' }, NOW, 1);
    expect(house.total).toBeGreaterThanOrEqual(overdue.total + 12);
  });

  it('says "more than 1,000" of a partner’s own list, where the house’s list counts on', async () => {
    await insertAgreements(OWN_COUNT_CAP, politieCase!, politieOrg, '2025-01-01', 'vervallen');
    const partner = await listAgreementPage(politie, {}, NOW);
    expect({ total: partner.total, capped: partner.capped }).toEqual({ total: OWN_COUNT_CAP, capped: true });
    const open = await listAgreementPage(politie, { status: 'open' }, NOW);
    expect(open.capped).toBe(false);
    const house = await listAgreementPage(regisseur, {}, NOW);
    expect(house.capped).toBe(false);
    expect(house.total).toBeGreaterThan(OWN_COUNT_CAP + 100);
  });
});

describe('the case list by cursor', () => {
  it('walks every case once, in the sort’s order, whatever the sort; a referral made between pages skips nothing', async () => {
    for (const [sort, dir] of [['updated', 'desc'], ['number', 'asc'], ['created', 'asc'], ['status', 'desc']] as const) {
      const all = (await listCases(regisseur, { sort, dir, pageSize: 100 })).items.map((c) => c.id);
      expect(all.length).toBeGreaterThan(10);
      const { ids: seen } = await walk((cursor) => listCases(regisseur, { sort, dir, pageSize: 5, cursor }));
      expect(seen).toEqual(all);
    }
    // Sorted by number, a referral made while paging has the highest number: it comes last, once.
    const before = (await listCases(regisseur, { sort: 'number', dir: 'asc', pageSize: 100 })).items.map((c) => c.id);
    let made = '';
    const { ids: seen } = await walk(
      (cursor) => listCases(regisseur, { sort: 'number', dir: 'asc', pageSize: 5, cursor }),
      async (page) => {
        if (page === 1) made = (await createReferral(regisseur, referralSchema.parse(REFERRAL), NOW)).id;
      },
    );
    expect(seen).toEqual([...before, made]);
  });

  it('walks a search the same way: the matches of the whole list, filtered, in every sort, counted on every page', async () => {
    // Every demo case number holds the year; a status narrows the matches (drizzle/0048 filters the search's own rows).
    const term = (await listCases(regisseur, { pageSize: 1 })).items[0]!.number.slice(0, 4);
    for (const [sort, dir] of [['updated', 'desc'], ['number', 'asc'], ['created', 'asc'], ['status', 'desc']] as const) {
      for (const filter of [{}, { status: 'actief' as const }]) {
        const all = (await listCases(regisseur, { ...filter, sort, dir, pageSize: 100 })).items.filter((c) => c.number.includes(term)).map((c) => c.id);
        expect(all.length).toBeGreaterThan(2);
        const pages: { total: number }[] = [];
        const { ids: seen } = await walk(async (cursor) => {
          const page = await listCases(regisseur, { ...filter, q: term, sort, dir, pageSize: 2, cursor });
          pages.push(page);
          return page;
        });
        expect(seen, `${sort} ${dir} ${JSON.stringify(filter)}`).toEqual(all);
        expect(pages.every((p) => p.total === all.length)).toBe(true);
      }
    }
    // A professional's search walks only the cases convened to it.
    const own = (await listCases(politie, { pageSize: 100 })).items.filter((c) => c.number.includes(term)).map((c) => c.id);
    expect((await walk((cursor) => listCases(politie, { q: term, pageSize: 2, cursor }))).ids).toEqual(own);
  });

  it('keeps a professional to the cases convened to it', async () => {
    const own = (await listCases(politie, { pageSize: 100 })).items.map((c) => c.id);
    const { ids: seen } = await walk((cursor) => listCases(politie, { pageSize: 5, cursor }));
    expect(seen).toEqual(own);
    const house = (await listCases(regisseur, { pageSize: 100 })).total;
    expect(seen.length).toBeLessThan(house);
  });

  it('answers the API with nextCursor, follows it, and answers a changed or another sort’s cursor with 422', async () => {
    const { cookie } = await signedInBrowser('regisseur@example.org');
    const get = (query: string) =>
      callRoute('/api/v1/cases', new Request(`${ORIGIN}/api/v1/cases?${query}`, { headers: { cookie, host: 'localhost:3000' } }));
    const first = await get('pageSize=5');
    expect(first.status).toBe(200);
    const page1 = (await first.json()) as { items: { id: string }[]; nextCursor: string };
    expect(page1.nextCursor).toBeTruthy();
    const second = await get(`pageSize=5&cursor=${encodeURIComponent(page1.nextCursor)}`);
    const page2 = (await second.json()) as { items: { id: string }[] };
    const all = (await listCases(regisseur, { pageSize: 10 })).items.map((c) => c.id);
    expect([...page1.items, ...page2.items].map((c) => c.id)).toEqual(all);
    for (const cursor of [tampered(page1.nextCursor), 'not-a-cursor', page1.nextCursor]) {
      const sort = cursor === page1.nextCursor ? '&sort=number' : '';
      const refused = await get(`pageSize=5${sort}&cursor=${encodeURIComponent(cursor)}`);
      expect(refused.status).toBe(422);
      expect(JSON.stringify(await refused.json())).toMatch(/vervolgpagina/);
    }
    const signals = await callRoute('/api/v1/signals', new Request(`${ORIGIN}/api/v1/signals?cursor=x.y`, { headers: { cookie, host: 'localhost:3000' } }));
    expect(signals.status).toBe(422);
  });
});
