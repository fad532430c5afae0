import { describe, expect, it } from 'vitest';
import { matchTotp, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, otpauthUri, timeStep, totpCode } from './totp';

describe('TOTP (RFC 6238)', () => {
  it('computes the reference values of RFC 6238 appendix B (SHA-1, last 6 digits)', () => {
    // The RFC's key is the ASCII string "12345678901234567890"; in base32:
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCode(secret, timeStep(59 * 1000))).toBe('287082');
    expect(totpCode(secret, timeStep(1111111109 * 1000))).toBe('081804');
    expect(totpCode(secret, timeStep(1234567890 * 1000))).toBe('005924');
    expect(totpCode(secret, timeStep(2000000000 * 1000))).toBe('279037');
  });

  it('makes 160-bit base32 secrets and an otpauth URI for the QR code', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = otpauthUri(secret, 'regisseur@example.org');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Casusregie:regisseur%40example\.org\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('issuer=Casusregie');
    expect(uri).toContain('period=30');
    expect(uri).toContain('digits=6');
  });

  it('matches within one step of drift, after the last used step only', () => {
    const secret = newTotpSecret();
    const now = new Date('2026-11-23T10:00:15Z');
    const step = timeStep(now);
    expect(matchTotp(secret, totpCode(secret, step), now, null)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, step - 1), now, null)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, step + 1), now, null)).toBe(step + 1);
    expect(matchTotp(secret, totpCode(secret, step - 2), now, null)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, step), now, step)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, step + 1), now, step)).toBe(step + 1);
    expect(matchTotp(secret, ` ${totpCode(secret, step).slice(0, 3)} ${totpCode(secret, step).slice(3)} `, now, null)).toBe(step);
    expect(matchTotp(secret, 'abcdef', now, null)).toBeNull();
    expect(matchTotp(secret, '1234567', now, null)).toBeNull();
  });

  it('makes ten distinct recovery codes that read well on paper', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    expect(normaliseRecoveryCode(' ABCDE-FGHJK ')).toBe('abcdefghjk');
    expect(normaliseRecoveryCode('abcde')).toBeNull();
  });
});
