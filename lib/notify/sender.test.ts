import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env/schema';
import { mailSender, messageIdDomain } from './sender';

describe('the sender of the app mail', () => {
  it('comes from the public host when MAIL_FROM is not set', () => {
    const env = parseEnv({ NEXTAUTH_URL: 'https://casusregie.zvh-utrecht.example.nl/' });
    expect(mailSender(env)).toBe('casusregie@casusregie.zvh-utrecht.example.nl');
    expect(messageIdDomain(mailSender(env))).toBe('casusregie.zvh-utrecht.example.nl');
  });

  it('is MAIL_FROM when set, and Message-IDs take its domain', () => {
    const env = parseEnv({ NEXTAUTH_URL: 'https://casusregie.example.nl', MAIL_FROM: 'noreply@zvh-utrecht.example.nl' });
    expect(mailSender(env)).toBe('noreply@zvh-utrecht.example.nl');
    expect(messageIdDomain(mailSender(env))).toBe('zvh-utrecht.example.nl');
  });

  it('writes an IP host as an address literal', () => {
    expect(mailSender(parseEnv({ NEXTAUTH_URL: 'http://192.0.2.10:3000' }))).toBe('casusregie@[192.0.2.10]');
    expect(mailSender(parseEnv({ NEXTAUTH_URL: 'http://[2001:db8::1]:3000' }))).toBe('casusregie@[IPv6:2001:db8::1]');
  });

  it('refuses to start mailing from a host no mail server can look up', () => {
    expect(() => parseEnv({ SMTP_URL: 'smtp://mail.example.nl:587', NEXTAUTH_URL: 'http://localhost:3000' })).toThrow(
      /MAIL_FROM: is verplicht met SMTP_URL zolang NEXTAUTH_URL geen volledige domeinnaam heeft/,
    );
    expect(() => parseEnv({ SMTP_URL: 'smtp://mail.example.nl:587' })).toThrow(/MAIL_FROM: is verplicht/);
    expect(parseEnv({ SMTP_URL: 'smtp://mail.example.nl:587', MAIL_FROM: 'casusregie@zvh.example.nl' }).MAIL_FROM).toBe('casusregie@zvh.example.nl');
    expect(() => parseEnv({ SMTP_URL: 'http://mail.example.nl' })).toThrow(/SMTP_URL: moet een smtp:\/\/ of smtps:\/\/ URL zijn/);
    expect(() => parseEnv({ MAIL_FROM: 'casusregie' })).toThrow(/MAIL_FROM: moet een e-mailadres zijn/);
  });
});
