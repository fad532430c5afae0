import net from 'node:net';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { deliverDueMail } from './deliver';
import { enqueueMail } from './outbox';

let handle: DbHandle;
beforeAll(async () => {
  handle = await useFreshDatabase();
});
afterAll(() => closeDb());

/** A real SMTP server on loopback that records what arrives. */
async function startSmtp() {
  const received: { to: string; subject: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo[0]!.address, subject: /^Subject: (.*)$/m.exec(raw)?.[1] ?? '' });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as net.AddressInfo).port;
  return { server, port, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const transportTo = (port: number) =>
  nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 1000, greetingTimeout: 1000 });

describe('mail delivery from the outbox', () => {
  it('stores a mail once per dedupe key and delivers it once', async () => {
    const smtp = await startSmtp();
    const mail = { dedupeKey: 'test:1', to: 'politie@example.org', subject: 'Herinnering ZVH-2026-0001', text: 'Link' };
    expect(await enqueueMail(handle.db, [mail])).toBe(1);
    expect(await enqueueMail(handle.db, [mail])).toBe(0);
    const transport = transportTo(smtp.port);
    expect(await deliverDueMail(handle.db, transport, 'casusregie@example.org')).toEqual({ sent: 1, failed: 0 });
    expect(await deliverDueMail(handle.db, transport, 'casusregie@example.org')).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toEqual([{ to: 'politie@example.org', subject: 'Herinnering ZVH-2026-0001' }]);
    await smtp.close();
  });

  it('keeps mail while the server is down and delivers it after the backoff, losing none', async () => {
    const down = net.createServer((s) => s.destroy());
    await new Promise<void>((r) => down.listen(0, '127.0.0.1', r));
    const downPort = (down.address() as net.AddressInfo).port;
    await enqueueMail(handle.db, [{ dedupeKey: 'test:2', to: 'ggz@example.org', subject: 'Opschaling', text: 'Link' }]);
    const t0 = new Date();
    expect(await deliverDueMail(handle.db, transportTo(downPort), 'casusregie@example.org', t0)).toEqual({ sent: 0, failed: 1 });
    down.close();
    const [row] = await queryRows<{ status: string; attempts: number; next: string }>(
      handle.db,
      sql`select status, attempts, next_attempt_at as next from mail_outbox where dedupe_key = 'test:2'`,
    );
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    const smtp = await startSmtp();
    // Not yet due: the backoff holds it back.
    expect(await deliverDueMail(handle.db, transportTo(smtp.port), 'casusregie@example.org', t0)).toEqual({ sent: 0, failed: 0 });
    const later = new Date(new Date(row!.next).getTime() + 1000);
    expect(await deliverDueMail(handle.db, transportTo(smtp.port), 'casusregie@example.org', later)).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual(['ggz@example.org']);
    await smtp.close();
  });
});
