import net from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';

/**
 * For tests: a real SMTP server on loopback that keeps every message as it arrived, parsed by mailparser
 * (headers unfolded and decoded as a mail client would), with the envelope recipient beside it.
 */
export async function startTestSmtp() {
  const received: { to: string; raw: string; mail: ParsedMail }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (mail) => {
            received.push({ to: session.envelope.rcptTo[0]!.address, raw, mail });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as net.AddressInfo).port;
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 1000, greetingTimeout: 1000 });
  return { port, received, transport, close: () => new Promise<void>((r) => server.close(() => r())) };
}
