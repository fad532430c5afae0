import { describe, expect, it } from 'vitest';
import { createLogger } from '.';

const logged = () => {
  const lines: string[] = [];
  return { logger: createLogger((line) => void lines.push(line)), lines };
};

describe('the log', () => {
  it('writes one JSON line per event with level, time and message', () => {
    const { logger, lines } = logged();
    logger.info({ route: '/api/v1/cases/[id]', status: 200 }, 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', msg: 'request', route: '/api/v1/cases/[id]', status: 200, time: expect.any(String) });
  });

  it('censors cookies, authorization, passwords, codes and tokens wherever they are passed by mistake', () => {
    const { logger, lines } = logged();
    const secrets = {
      cookie: 'next-auth.session-token=eyJhbGciOiCANARY1',
      authorization: 'Bearer CANARY2',
      password: 'CANARY3-wachtwoord',
      code: '123456',
      token: 'CANARY4',
      headers: { cookie: 'CANARY5', authorization: 'Basic CANARY6' },
      input: { password: 'CANARY7', newPassword: 'CANARY8', codes: ['CANARY9'], recoveryCodes: ['CANARYA'] },
    };
    logger.warn(secrets, 'oeps');
    const text = lines.join('');
    expect(text).not.toMatch(/CANARY|123456/);
    expect(JSON.parse(text)).toMatchObject({ cookie: '[redacted]', authorization: '[redacted]', password: '[redacted]', headers: { cookie: '[redacted]' }, input: { password: '[redacted]' } });
  });
});
