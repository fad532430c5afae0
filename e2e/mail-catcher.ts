import net from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * A real SMTP server on loopback for a journey's own app server (SMTP_URL): it keeps every message as a
 * mail client would read it (mailparser undoes quoted-printable and folded headers), so a journey reads
 * the mail that a person would get, and only that person.
 */
export async function startMailCatcher() {
  const received: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address.toLowerCase(), subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as net.AddressInfo).port;
  return {
    port,
    received,
    /** The first mail to `to` with `subject`, waiting for the app's mail worker (it runs every 30 seconds). */
    async waitFor(to: string, subject: string, timeoutMs = 90_000): Promise<CaughtMail> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mail = received.find((m) => m.to === to.toLowerCase() && m.subject === subject);
        if (mail) return mail;
        if (Date.now() > deadline) throw new Error(`no mail "${subject}" to ${to} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 500));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
