import net from 'node:net';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { parseEnv } from '@/lib/env/schema';
import { deliverDueMail, deliverOutboxMail, dueOutboxIds, MailRefusedError } from './deliver';
import { enqueueMail } from './outbox';
import { mailSender } from './sender';
import { startTestSmtp } from './test-smtp';

// The one clock of this file.
const t0 = new Date('2026-11-24T10:00:00Z');

let handle: DbHandle;
beforeAll(async () => {
  handle = await useFreshDatabase();
});
afterAll(() => closeDb());

const transportTo = (port: number) =>
  nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 1000, greetingTimeout: 1000 });

describe('mail delivery from the outbox', () => {
  it('stores a mail once per dedupe key and delivers it once', async () => {
    const smtp = await startTestSmtp();
    const mail = { dedupeKey: 'test:1', to: 'politie@example.org', subject: 'Herinnering ZVH-2026-0001', text: 'Link', notBefore: t0 };
    expect(await enqueueMail(handle.db, [mail])).toBe(1);
    expect(await enqueueMail(handle.db, [mail])).toBe(0);
    expect(await deliverDueMail(handle.db, smtp.transport, 'casusregie@example.org', t0)).toEqual({ sent: 1, failed: 0 });
    expect(await deliverDueMail(handle.db, smtp.transport, 'casusregie@example.org', t0)).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received.map((m) => ({ to: m.to, subject: m.mail.subject }))).toEqual([
      { to: 'politie@example.org', subject: 'Herinnering ZVH-2026-0001' },
    ]);
    await smtp.close();
  });

  it('keeps mail while the server is down and delivers it after the backoff, losing none', async () => {
    const down = net.createServer((s) => s.destroy());
    await new Promise<void>((r) => down.listen(0, '127.0.0.1', r));
    const downPort = (down.address() as net.AddressInfo).port;
    await enqueueMail(handle.db, [{ dedupeKey: 'test:2', to: 'ggz@example.org', subject: 'Opschaling', text: 'Link', notBefore: t0 }]);
    expect(await deliverDueMail(handle.db, transportTo(downPort), 'casusregie@example.org', t0)).toEqual({ sent: 0, failed: 1 });
    down.close();
    const [row] = await queryRows<{ status: string; attempts: number; next: string }>(
      handle.db,
      sql`select status, attempts, next_attempt_at as next from mail_outbox where dedupe_key = 'test:2'`,
    );
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    const smtp = await startTestSmtp();
    // Not yet due: the backoff holds it back.
    expect(await deliverDueMail(handle.db, smtp.transport, 'casusregie@example.org', t0)).toEqual({ sent: 0, failed: 0 });
    const later = new Date(new Date(row!.next).getTime() + 1000);
    expect(await deliverDueMail(handle.db, smtp.transport, 'casusregie@example.org', later)).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual(['ggz@example.org']);
    await smtp.close();
  });

  it('sends from the public host, with a fully qualified Message-ID and the Date of sending', async () => {
    const smtp = await startTestSmtp();
    const sender = mailSender(parseEnv({ NEXTAUTH_URL: 'https://casusregie.zvh-utrecht.example.nl' }));
    await enqueueMail(handle.db, [{ dedupeKey: 'test:3', to: 'manager@example.org', subject: 'Opschaling: stagnatie in ZVH-2026-0006', text: 'Link', notBefore: t0 }]);
    const sentAt = new Date('2026-11-24T10:15:00Z');
    expect(await deliverDueMail(handle.db, smtp.transport, sender, sentAt)).toEqual({ sent: 1, failed: 0 });
    const [{ mail, raw }] = smtp.received as [(typeof smtp.received)[number]];
    expect(mail.from?.value).toEqual([{ name: 'Casusregie', address: 'casusregie@casusregie.zvh-utrecht.example.nl' }]);
    const [outbox] = await queryRows<{ id: string }>(handle.db, sql`select id from mail_outbox where dedupe_key = 'test:3'`);
    // RFC 5322 §3.6.4: msg-id = "<" id-left "@" id-right ">", the right side a domain.
    expect(mail.messageId).toBe(`<${outbox!.id}@casusregie.zvh-utrecht.example.nl>`);
    expect(mail.date?.toISOString()).toBe(sentAt.toISOString());
    expect(raw).not.toMatch(/@localhost|@casusregie>/);
    await smtp.close();
  });

  it('takes MAIL_FROM, and its domain for the Message-ID, when it is set', async () => {
    const smtp = await startTestSmtp();
    const sender = mailSender(parseEnv({ NEXTAUTH_URL: 'https://casusregie.example.nl', MAIL_FROM: 'noreply@zvh-utrecht.example.nl' }));
    await enqueueMail(handle.db, [{ dedupeKey: 'test:4', to: 'manager@example.org', subject: 'Opschaling', text: 'Link', notBefore: t0 }]);
    await deliverDueMail(handle.db, smtp.transport, sender, t0);
    const [{ mail }] = smtp.received as [(typeof smtp.received)[number]];
    expect(mail.from?.value[0]?.address).toBe('noreply@zvh-utrecht.example.nl');
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@zvh-utrecht\.example\.nl>$/);
    await smtp.close();
  });

  it('delivers one queued mail once, whichever of two workers holds a job for it, and gives up on the last attempt', async () => {
    const smtp = await startTestSmtp();
    await enqueueMail(handle.db, [{ dedupeKey: 'test:5', to: 'reclassering@example.org', subject: 'Herinnering', text: 'Link', notBefore: t0 }]);
    const [mine] = await queryRows<{ id: string }>(handle.db, sql`select id from mail_outbox where dedupe_key = 'test:5'`);
    expect(await dueOutboxIds(handle.db, t0)).toContain(mine!.id);
    const outcomes = await Promise.all([0, 1].map(() => deliverOutboxMail(handle.db, smtp.transport, 'casusregie@example.org', mine!.id, { now: t0 })));
    expect(outcomes.sort()).toEqual(['gone', 'sent']);
    expect(await deliverOutboxMail(handle.db, smtp.transport, 'casusregie@example.org', mine!.id, { now: t0 })).toBe('gone');
    expect(smtp.received.map((m) => m.to)).toEqual(['reclassering@example.org']);
    expect(await dueOutboxIds(handle.db, t0)).not.toContain(mine!.id);
    await smtp.close();

    const down = net.createServer((socket) => socket.destroy());
    await new Promise<void>((r) => down.listen(0, '127.0.0.1', r));
    const transport = transportTo((down.address() as net.AddressInfo).port);
    await enqueueMail(handle.db, [{ dedupeKey: 'test:6', to: 'veiligthuis@example.org', subject: 'Opschaling', text: 'Link', notBefore: t0 }]);
    const [failing] = await queryRows<{ id: string }>(handle.db, sql`select id from mail_outbox where dedupe_key = 'test:6'`);
    const attempt = (lastAttempt: boolean) => deliverOutboxMail(handle.db, transport, 'casusregie@example.org', failing!.id, { now: t0, lastAttempt });
    await expect(attempt(false)).rejects.toBeInstanceOf(MailRefusedError);
    await expect(attempt(true)).rejects.toBeInstanceOf(MailRefusedError);
    down.close();
    const [row] = await queryRows<{ status: string; attempts: number; last_error: string }>(
      handle.db,
      sql`select status, attempts, last_error from mail_outbox where id = ${failing!.id}`,
    );
    // Failed for good: shown so in Beheer → Mailbox, queued by nothing again.
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect(row!.last_error).toBeTruthy();
    expect(await dueOutboxIds(handle.db, t0)).not.toContain(failing!.id);
  });
});
