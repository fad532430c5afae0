import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { agendaItems, agreementConfirmations } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { createAgreement } from '@/lib/agreements/create-agreement';
import type { Actor } from '@/lib/actor';
import { AppError } from '@/lib/errors';
import { recordAgendaItem } from '@/lib/meetings/agenda';
import { signInAll } from '@/lib/testing/actors';
import { parseOrThrow } from '@/lib/validation/parse';
import { confirmAgreement } from './confirm-agreement';
import { setCurrentItem } from './current-item';
import { openMeetingEvents } from './event-stream';
import { getLiveState } from './live-state';
import { confirmationSchema } from './schemas';
import { outcome as code } from '@/lib/testing/outcome';
import { caseIdsBySubjectName, organisationIdsByShortName } from '@/lib/testing/demo-ids';
import { startLiveMeeting } from '@/lib/testing/live-meeting';

// The demo is seeded at this clock and every write passes it: nothing here depends on the real date.
const now = new Date('2026-10-12T08:00:00Z');
const clock = () => now;
let handle: DbHandle;
let regisseur: Actor, politie: Actor, ggz: Actor, veiligthuis: Actor, manager: Actor;
const org: Record<string, string> = {};
const caseOf: Record<string, string> = {};
let meetingId: string;
let jan: string, sem: string;

/** The raw bytes of an event stream as they arrive, as a browser would get them. */
function tap(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const state = { text: '' };
  void (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) break;
      state.text += decoder.decode(chunk.value);
    }
  })();
  return {
    get text() {
      return state.text;
    },
    async until(done: (text: string) => boolean, ms = 5000) {
      const end = Date.now() + ms;
      while (!done(state.text) && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
      return state.text;
    },
    ids: () => [...state.text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1])),
    close: () => reader.cancel(),
  };
}
const count = (text: string, needle: string) => text.split(needle).length - 1;

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now });
  ({ regisseur, politie, ggz, veiligthuis, manager } = await signInAll('regisseur', 'politie', 'ggz', 'veiligthuis', 'manager'));
  Object.assign(org, await organisationIdsByShortName(handle.db));
  Object.assign(caseOf, await caseIdsBySubjectName(handle.db));
  // Politie and GGZ are invited; GGZ is convened to Jan de Vries, not to Sem Bakker. Veilig Thuis is not invited.
  meetingId = await startLiveMeeting(regisseur, [org.Politie!, org.Altrecht!], [caseOf['Jan de Vries']!, caseOf['Sem Bakker']!], now);
  const items = await handle.db.select({ id: agendaItems.id, caseId: agendaItems.caseId }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId));
  jan = items.find((i) => i.caseId === caseOf['Jan de Vries'])!.id;
  sem = items.find((i) => i.caseId === caseOf['Sem Bakker'])!.id;
});
afterAll(() => closeDb());

describe('the event stream of a live meeting', () => {
  it('answers 404 to a partner whose organisation is not invited, and to a manager, before sending anything', async () => {
    expect(await code(openMeetingEvents(veiligthuis, meetingId))).toBe('NOT_FOUND');
    expect(await code(openMeetingEvents(manager, meetingId))).toBe('NOT_FOUND');
    expect(await code(openMeetingEvents(politie, 'not-a-uuid'))).toBe('NOT_FOUND');
  });

  it('refuses a Last-Event-ID that is no sequence number (422)', async () => {
    expect(await code(openMeetingEvents(politie, meetingId, { after: '12; drop table' }))).toBe('VALIDATION');
  });

  it('gives two partners on one meeting only what each may see: the other case is a bare "besloten" tick', async () => {
    const police = tap(await openMeetingEvents(politie, meetingId, { now: clock }));
    const care = tap(await openMeetingEvents(ggz, meetingId, { now: clock }));
    await police.until((t) => t.includes('retry: 3000'));
    await care.until((t) => t.includes('retry: 3000'));
    const secret = 'Geheime notitie over de aanhouding';
    await setCurrentItem(regisseur, meetingId, { itemId: sem });
    await recordAgendaItem(regisseur, meetingId, sem, { minutes: secret, version: 1 }, now);
    const agreement = await createAgreement(
      regisseur,
      caseOf['Sem Bakker'],
      { description: 'Politie deelt het proces-verbaal', ownerOrganisationId: org.Politie!, dueDate: '2026-10-30', agendaItemId: sem },
      now,
    );
    const policeText = await police.until((t) => t.includes(agreement.id));
    const careText = await care.until((t) => count(t, '"kind":"besloten"') >= 2);
    await police.close();
    await care.close();

    expect(policeText).toContain(`"itemId":"${sem}"`);
    expect(policeText).toContain(`"agreementId":"${agreement.id}"`);
    expect(policeText).toContain('"kind":"meeting"');
    // GGZ learns that something happened, nothing about what or where.
    expect(count(careText, '"kind":"besloten"')).toBeGreaterThanOrEqual(2);
    expect(careText).toContain('"kind":"meeting"');
    for (const leak of [sem, caseOf['Sem Bakker']!, agreement.id, 'Sem Bakker', secret, 'proces-verbaal']) {
      expect(careText).not.toContain(leak);
    }
    // Not even the partner that may see the case gets its text over the stream: ids only.
    expect(policeText).not.toContain(secret);
    expect(policeText).not.toContain('proces-verbaal');
  });

  it('replays every event after Last-Event-ID on a reconnect, and none before it', async () => {
    const first = tap(await openMeetingEvents(politie, meetingId, { after: '0', now: clock }));
    await first.until((t) => t.includes(`"itemId":"${sem}"`));
    await new Promise((r) => setTimeout(r, 100));
    const seen = first.ids();
    await first.close();
    const last = Math.max(...seen);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));

    // While disconnected: two writes on the case GGZ may see, one on the case it may not.
    const [{ version } = { version: 0 }] = await handle.db.select({ version: agendaItems.version }).from(agendaItems).where(eq(agendaItems.id, jan));
    await recordAgendaItem(regisseur, meetingId, jan, { outcome: 'Plan besproken.', version }, now);
    await setCurrentItem(regisseur, meetingId, { itemId: jan });
    await recordAgendaItem(regisseur, meetingId, sem, { outcome: 'Politie pakt op.', version: 2 }, now);

    const again = tap(await openMeetingEvents(politie, meetingId, { after: String(last), now: clock }));
    const text = await again.until((t) => count(t, `"itemId":"${sem}"`) >= 1 && t.includes(`"itemId":"${jan}"`));
    await new Promise((r) => setTimeout(r, 100));
    await again.close();
    const replayed = again.ids();
    expect(Math.min(...replayed)).toBeGreaterThan(last);
    expect(text).toContain('"kind":"meeting"');
    // Every event of the meeting after `last` that police may see, in order, with no gap left out.
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from meeting_events where meeting_id = ${meetingId} and id > ${last} and kind <> 'presence'`,
    );
    expect(replayed.filter((id) => !text.includes(`id: ${id}\ndata: {"kind":"presence"`))).toHaveLength(n);
  });
});

describe('a partner confirming its agreement', () => {
  let agreementId: string;

  beforeAll(async () => {
    ({ id: agreementId } = await createAgreement(
      regisseur,
      caseOf['Jan de Vries'],
      { description: 'Politie meldt de zaak aan bij het OM', ownerOrganisationId: org.Politie!, dueDate: '2026-10-28', agendaItemId: jan },
      now,
    ));
  });

  it('lets only the owning organisation confirm: GGZ (convened, not the owner), the regisseur and an outsider get 404', async () => {
    expect(await code(confirmAgreement(ggz, agreementId, { response: 'akkoord' }, now))).toBe('NOT_FOUND');
    expect(await code(confirmAgreement(regisseur, agreementId, { response: 'akkoord' }, now))).toBe('NOT_FOUND');
    expect(await code(confirmAgreement(veiligthuis, agreementId, { response: 'akkoord' }, now))).toBe('NOT_FOUND');
    expect(await handle.db.select().from(agreementConfirmations).where(eq(agreementConfirmations.agreementId, agreementId))).toHaveLength(0);
  });

  it('refuses malformed input with 422 and writes nothing', () => {
    for (const body of [{ response: 'vraag' }, { response: 'vraag', question: 'x' }, { response: 'ja' }, { response: 'akkoord', extra: 1 }, null]) {
      let status = 0;
      try {
        parseOrThrow(confirmationSchema, body);
      } catch (error) {
        status = (error as AppError).status;
      }
      expect(status, JSON.stringify(body)).toBe(422);
    }
  });

  it('shows the confirmation live to the regisseur, and a second akkoord changes nothing', async () => {
    const chair = tap(await openMeetingEvents(regisseur, meetingId, { now: clock }));
    await chair.until((t) => t.includes('retry'));
    const first = await confirmAgreement(politie, agreementId, { response: 'akkoord' }, now);
    const second = await confirmAgreement(politie, agreementId, { response: 'akkoord' }, now);
    const text = await chair.until((t) => t.includes('"kind":"confirmation"'));
    await new Promise((r) => setTimeout(r, 100));
    await chair.close();
    expect(first.changed).toBe(true);
    expect(second.changed).toBe(false);
    expect(count(chair.text, '"kind":"confirmation"')).toBe(1);
    expect(text).toContain(`"agreementId":"${agreementId}"`);
    const [audits] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from audit_log where entity_id = ${agreementId} and details->>'confirmation' = 'akkoord'`,
    );
    expect(audits!.n).toBe(1);

    const state = await getLiveState(regisseur, meetingId, now);
    expect(state.agreements.find((a) => a.id === agreementId)?.confirmation).toMatchObject({ response: 'akkoord', question: null });
    // A question back replaces it.
    await confirmAgreement(politie, agreementId, { response: 'vraag', question: 'Kan de termijn een week later?' }, now);
    const after = await getLiveState(regisseur, meetingId, now);
    expect(after.agreements.find((a) => a.id === agreementId)?.confirmation).toMatchObject({ response: 'vraag', question: 'Kan de termijn een week later?' });
  });

  it('shows a partner only the agreements of its convened cases, and marks its own', async () => {
    const care = await getLiveState(ggz, meetingId, now);
    expect(care.agreements.map((a) => a.itemId)).not.toContain(sem);
    expect(care.agreements.find((a) => a.id === agreementId)?.mine).toBe(false);
    const police = await getLiveState(politie, meetingId, now);
    expect(police.agreements.find((a) => a.id === agreementId)?.mine).toBe(true);
  });
});

describe('presence', () => {
  it('shows which organisations are connected and how many people, while their stream is open', async () => {
    const police = tap(await openMeetingEvents(politie, meetingId, { now: clock }));
    await police.until((t) => t.includes('retry'));
    const seen = await getLiveState(ggz, meetingId, now);
    expect(seen.presence).toEqual([{ organisationId: org.Politie, organisationName: 'Politie Midden-Nederland', people: 1 }]);
    expect(JSON.stringify(seen.presence)).not.toContain('@example.org');
    await police.close();
    await new Promise((r) => setTimeout(r, 200));
    expect((await getLiveState(ggz, meetingId, now)).presence).toEqual([]);
    // Silent for longer than 45 seconds (an instance that died): no longer connected.
    const later = new Date(now.getTime() + 46_000);
    const stale = tap(await openMeetingEvents(politie, meetingId, { now: clock }));
    await stale.until((t) => t.includes('retry'));
    expect((await getLiveState(ggz, meetingId, later)).presence).toEqual([]);
    await stale.close();
  });
});

describe('the event log in the database', () => {
  it('cannot be read, written or forged by the app role: only the access-checked functions answer', async () => {
    const { asUser } = await import('@/db/transaction');
    for (const statement of [
      sql`select count(*) from meeting_events`,
      sql`select count(*) from meeting_presence`,
      sql`insert into meeting_events (meeting_id, kind) values (${meetingId}, 'item')`,
      sql`select meeting_events_emit(${meetingId}::uuid, 'item', null, null, null, null)`,
    ]) {
      const failed = await asUser(politie.userId, (tx) => tx.execute(statement)).then(
        () => null,
        (error: unknown) => (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code,
      );
      expect(failed, String(statement.queryChunks[0])).toBe('42501');
    }
  });
});
