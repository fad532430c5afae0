import net from 'node:net';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { getDashboard } from '@/lib/dashboard/figures';
import { deliverDueMail } from '@/lib/notify/deliver';
import { resolveSignal } from '@/lib/signals/change-signal';
import { signalFigures } from '@/lib/signals/dashboard-source';
import { signInAs } from '@/lib/testing/actors';
import { runSweep } from './sweep';

/**
 * The stagnation chain end to end on the demo house: the sweep finds an overdue agreement, the owner's
 * reminder reaches a real SMTP server, the manager's dashboard counts the overdue agreement under its
 * partner and the signal under its level, and resolving the signal updates the dashboard.
 */
let handle: DbHandle;
const received: { to: string; subject: string }[] = [];
let smtp: SMTPServer;
let port = 0;

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
  smtp = new SMTPServer({
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
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((r) => smtp.close(() => r()));
  await closeDb();
});

const openTotal = (levels: { count: number }[]) => levels.reduce((sum, l) => sum + l.count, 0);

describe('stagnation from sweep to dashboard', () => {
  it('signals the overdue agreement, reminds its owner by mail, and the dashboard follows the resolution', async () => {
    const now = new Date();
    const sweep = await runSweep(handle.db, { now, baseUrl: 'https://casusregie.example' });
    expect(sweep.opened).toBeGreaterThan(0);
    expect(sweep.reminders).toBeGreaterThan(0);

    // The demo agreement "Huisverbod evalueren" of Politie is due tomorrow: its owner gets a reminder.
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    // Delivered when the reminders fall due (in working hours before the due date), not after that date.
    const [due] = await queryRows<{ at: string }>(handle.db, sql`select max(next_attempt_at) as at from mail_outbox where dedupe_key like 'reminder:%'`);
    await deliverDueMail(handle.db, transport, 'casusregie@example.org', new Date(due!.at), 100);
    expect(received).toContainEqual({ to: 'politie@example.org', subject: expect.stringMatching(/^Herinnering: afspraak in ZVH-\d{4}-\d{4}/) });

    const manager = await signInAs('manager@example.org');
    const before = await getDashboard(manager, {}, { signals: signalFigures });
    const veiligThuis = before.partners.find((p) => p.name === 'Veilig Thuis Regio Utrecht');
    expect(veiligThuis?.overdue).toBe(1);
    const openBefore = openTotal(before.signals!.openByLevel);
    expect(openBefore).toBe(sweep.opened);

    const [signal] = await queryRows<{ id: string; version: number }>(
      handle.db,
      sql`select s.id, s.version from signals s join organisations o on o.id = s.organisation_id
          where s.rule = 'agreement_overdue' and o.name = 'Veilig Thuis Regio Utrecht' and s.status = 'open'`,
    );
    const regisseur = await signInAs('regisseur@example.org');
    await resolveSignal(regisseur, signal!.id, { note: 'Veiligheidsplan besproken; nieuwe datum afgesproken.', version: signal!.version });
    const after = await getDashboard(manager, {}, { signals: signalFigures });
    expect(openTotal(after.signals!.openByLevel)).toBe(openBefore - 1);
  });
});
