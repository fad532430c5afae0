import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commonPasswords, COMMON_PASSWORDS_FILE } from './common-passwords';
import { PASSWORD_MESSAGES, validateNewPassword } from './password-policy';

describe('validateNewPassword', () => {
  it('accepts a long passphrase without any composition rule', () => {
    expect(validateNewPassword('paarden eten graag wortels')).toEqual([]);
    expect(validateNewPassword('Casusregie-demo-2026')).toEqual([]);
    expect(validateNewPassword('ééééé-ñandú-ŝipo')).toEqual([]);
  });

  it('refuses fewer than 12 characters, counting characters rather than bytes', () => {
    expect(validateNewPassword('Kort-maar-1')).toEqual([PASSWORD_MESSAGES.tooShort]);
    expect(validateNewPassword('ééééééééééé')).toEqual([PASSWORD_MESSAGES.tooShort]);
    expect(validateNewPassword('x'.repeat(257))).toEqual([PASSWORD_MESSAGES.tooLong]);
  });

  it('refuses the common and breached passwords of the shipped list, also dressed up with digits', () => {
    expect(validateNewPassword('qwerty123456')).toEqual([PASSWORD_MESSAGES.common]);
    expect(validateNewPassword('QWERTYQWERTY')).toEqual([PASSWORD_MESSAGES.common]);
    expect(validateNewPassword('Password2024!!')).toEqual([PASSWORD_MESSAGES.common]);
    expect(validateNewPassword('2026dragon2026')).toEqual([PASSWORD_MESSAGES.common]);
    expect(validateNewPassword('monkeymonkeymonkey')).toEqual([PASSWORD_MESSAGES.common]);
  });

  it('refuses repetitions and runs', () => {
    expect(validateNewPassword('aaaaaaaaaaaaaaa')).not.toEqual([]);
    expect(validateNewPassword('abcdefghijklm')).toEqual([PASSWORD_MESSAGES.predictable]);
    expect(validateNewPassword('98765432109876')).toEqual([PASSWORD_MESSAGES.predictable]);
    expect(validateNewPassword('xq7xq7xq7xq7xq7')).toEqual([PASSWORD_MESSAGES.predictable]);
  });

  it("refuses a password made of the account's own name or email address", () => {
    const context = { email: 'ingrid.bakker@example.org', name: 'Ingrid Bakker' };
    expect(validateNewPassword('ingrid.bakker@example.org', context)).toEqual([PASSWORD_MESSAGES.personal]);
    expect(validateNewPassword('IngridBakker-2026', context)).toEqual([PASSWORD_MESSAGES.personal]);
    expect(validateNewPassword('Bakker-1234567', context)).toEqual([PASSWORD_MESSAGES.personal]);
    // A name within a long passphrase is fine.
    expect(validateNewPassword('ingrid fietst elke ochtend naar zee', context)).toEqual([]);
  });
});

describe('the shipped list of common passwords', () => {
  it('holds the SecLists top 10,000 (lower-cased, without duplicates)', () => {
    const list = commonPasswords();
    expect(list.size).toBe(9913);
    for (const word of ['123456', 'password', 'qwerty', 'iloveyou', 'welcome', 'qwerty123456']) expect(list.has(word)).toBe(true);
    expect(fs.readFileSync(COMMON_PASSWORDS_FILE, 'utf8')).toMatch(/^# The 10,000 most common passwords/);
  });

  it('is what scripts/common-passwords.ts makes from the npm package', async () => {
    const { generate } = await import('@/scripts/common-passwords');
    expect(generate()).toBe(fs.readFileSync(COMMON_PASSWORDS_FILE, 'utf8'));
  });
});
