import net from 'node:net';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { createAgreement } from '@/lib/agreements/create-agreement';
import type { Actor } from '@/lib/actor';
import { deliverDueMail } from '@/lib/notify/deliver';
import { startTestSmtp } from '@/lib/notify/test-smtp';
import { signInAs } from '@/lib/testing/actors';
import { runSweep } from './sweep';

/**
 * Reminders that arrive while they are of use: in working hours before the due date, at once when no
 * working hour is left before it, and saying so plainly when the mail could only go out after it.
 * The clock starts on Friday 11 December 2026, 19:30 in Amsterdam, and only moves forward.
 */
const fridayEvening = new Date('2026-12-11T18:30:00Z');
const SENDER = 'casusregie@zvh-utrecht.example.nl';

let handle: DbHandle;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let regisseur: Actor;
let owner: { caseId: string; organisationId: string; userId: string };

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: fridayEvening });
  smtp = await startTestSmtp();
  regisseur = await signInAs('regisseur@example.org');
  const [row] = await queryRows<{ case_id: string; organisation_id: string; user_id: string }>(
    handle.db,
    sql`select c.id as case_id, u.organisation_id, u.id as user_id
        from users u join case_partners cp on cp.organisation_id = u.organisation_id and cp.ended_at is null
        join cases c on c.id = cp.case_id and c.status = 'actief'
        where u.email = 'politie@example.org' order by c.number limit 1`,
  );
  owner = { caseId: row!.case_id, organisationId: row!.organisation_id, userId: row!.user_id };
});
afterAll(async () => {
  await smtp.close();
  await closeDb();
});

/** An agreement for the demo's police professional, made by the regisseur at `now`. */
async function agreementDue(dueDate: string, now: Date): Promise<string> {
  const created = await createAgreement(
    regisseur,
    owner.caseId,
    { description: 'Huisbezoek afleggen en terugkoppelen.', ownerOrganisationId: owner.organisationId, ownerUserId: owner.userId, dueDate },
    now,
  );
  return created.id;
}

const reminderOf = async (agreementId: string) => {
  const rows = await queryRows<{ next_attempt_at: string; status: string }>(
    handle.db,
    sql`select next_attempt_at, status from mail_outbox where dedupe_key like ${`reminder:${agreementId}:%`}`,
  );
  expect(rows).toHaveLength(1);
  return { notBefore: new Date(rows[0]!.next_attempt_at), status: rows[0]!.status };
};

const receivedAbout = (dueText: string) => smtp.received.filter((m) => m.to === 'politie@example.org' && m.mail.subject?.includes(dueText));

describe('reminders before the due date', () => {
  it('reminds on Friday evening of an agreement due Saturday at once, not on Monday after the date', async () => {
    const id = await agreementDue('2026-12-12', fridayEvening);
    await runSweep(handle.db, { now: fridayEvening, baseUrl: 'https://casusregie.zvh-utrecht.example.nl' });
    expect((await reminderOf(id)).notBefore.getTime()).toBeLessThanOrEqual(fridayEvening.getTime());
    await deliverDueMail(handle.db, smtp.transport, SENDER, fridayEvening, 100);
    const [mail] = receivedAbout('zaterdag 12 december 2026');
    expect(mail?.mail.subject).toMatch(/^Herinnering: afspraak in ZVH-\d{4}-\d{4} moet uiterlijk zaterdag 12 december 2026 klaar zijn$/);
    expect(mail?.mail.date?.toISOString()).toBe(fridayEvening.toISOString());
  });

  it('waits for Monday morning when the due date is later in the week', async () => {
    const id = await agreementDue('2026-12-15', fridayEvening);
    await runSweep(handle.db, { now: fridayEvening });
    // Monday 14 December, 08:00 in Amsterdam.
    expect((await reminderOf(id)).notBefore.toISOString()).toBe('2026-12-14T07:00:00.000Z');
  });

  it('before a due date after Christmas, reminds on the 24th: in working hours, or at once after them', async () => {
    const wednesdayEvening = new Date('2026-12-23T18:00:00Z');
    const inHours = await agreementDue('2026-12-28', wednesdayEvening);
    await runSweep(handle.db, { now: wednesdayEvening });
    // Thursday 24 December, 08:00: the last working day before Monday 28 (25 and 26 are holidays).
    expect((await reminderOf(inHours)).notBefore.toISOString()).toBe('2026-12-24T07:00:00.000Z');

    const christmasEve = new Date('2026-12-24T17:30:00Z'); // 18:30, after working hours
    const late = await agreementDue('2026-12-28', christmasEve);
    await runSweep(handle.db, { now: christmasEve });
    expect((await reminderOf(late)).notBefore.getTime()).toBeLessThanOrEqual(christmasEve.getTime());
    await deliverDueMail(handle.db, smtp.transport, SENDER, christmasEve, 100);
    expect(receivedAbout('maandag 28 december 2026')).toHaveLength(2);
  });

  it('says plainly that the date has passed when the mail could only be delivered after it', async () => {
    const monday = new Date('2027-01-04T09:00:00Z');
    await deliverDueMail(handle.db, smtp.transport, SENDER, monday, 1000);
    const id = await agreementDue('2027-01-05', monday);
    await runSweep(handle.db, { now: monday });
    expect((await reminderOf(id)).notBefore.getTime()).toBeLessThanOrEqual(monday.getTime());
    // The mail server is down until Thursday; the outbox keeps the reminder.
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = nodemailer.createTransport({ host: '127.0.0.1', port, connectionTimeout: 1000 });
    expect((await deliverDueMail(handle.db, unreachable, SENDER, monday, 100)).sent).toBe(0);
    const thursday = new Date('2027-01-07T09:00:00Z');
    await deliverDueMail(handle.db, smtp.transport, SENDER, thursday, 100);
    const [mail] = receivedAbout('dinsdag 5 januari 2027');
    expect(mail?.mail.subject).toMatch(/^Einddatum verstreken: /);
    expect(mail?.mail.text).toMatch(/^Let op: de einddatum, dinsdag 5 januari 2027, is verstreken\./);
  });
});
