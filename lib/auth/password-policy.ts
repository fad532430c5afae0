import { commonPasswords } from './common-passwords';

/**
 * The password rules (NIST SP 800-63B, BIO): long enough, not common or breached, not predictable from
 * the account itself. No composition rules ("a digit and a capital") and no forced rotation.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const PASSWORD_MESSAGES = {
  tooShort: `Kies een wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens. Een zin van een paar woorden werkt goed.`,
  tooLong: `Kies een wachtwoord van hoogstens ${PASSWORD_MAX_LENGTH} tekens.`,
  common: 'Dit wachtwoord komt voor op de lijst van veelgebruikte of gelekte wachtwoorden. Kies een ander wachtwoord.',
  predictable: 'Dit wachtwoord is te voorspelbaar (herhaalde of opeenvolgende tekens). Kies een ander wachtwoord.',
  personal: 'Gebruik je naam of e-mailadres niet in je wachtwoord.',
} as const;

/** Mostly runs like "abcdefgh", "987654321" or "aaaa": nearly every next character one up, one down or the same. */
function isRun(text: string): boolean {
  const codes = [...text].map((c) => c.codePointAt(0)!);
  const steady = codes.slice(1).filter((c, i) => Math.abs(c - codes[i]!) <= 1).length;
  return steady / (codes.length - 1) >= 0.8;
}

/** "abcabcabcabc", "aaaaaaaaaaaa", "passwordpassword": one short chunk repeated. */
function isRepetition(text: string): boolean {
  return /^(.{1,8}?)\1+$/su.test(text);
}

/**
 * Checks a new password; returns Dutch messages (empty when the password is fine). `context` is the
 * account it is for: a password made of its own name or email address is refused.
 */
export function validateNewPassword(password: string, context: { email?: string; name?: string } = {}): string[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return [PASSWORD_MESSAGES.tooShort];
  if (length > PASSWORD_MAX_LENGTH) return [PASSWORD_MESSAGES.tooLong];
  const lower = password.toLowerCase();
  const list = commonPasswords();
  // A listed password with digits or punctuation around it ("Welkom01!!!!", "2024dragon2024") is no better.
  const core = lower.replace(/^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu, '');
  if (list.has(lower) || (core.length >= 4 && list.has(core))) return [PASSWORD_MESSAGES.common];
  const repeated = /^(.+?)\1+$/su.exec(lower)?.[1];
  if (repeated && list.has(repeated)) return [PASSWORD_MESSAGES.common];
  if (new Set(lower).size < 4 || isRun(lower) || isRepetition(lower)) return [PASSWORD_MESSAGES.predictable];

  const compact = lower.replace(/[\s._-]+/g, '');
  const email = context.email?.trim().toLowerCase();
  const local = email?.split('@')[0]?.replace(/[\s._-]+/g, '');
  const personal = [local ?? '', ...(context.name ?? '').toLowerCase().split(/[\s.-]+/)].filter((part) => part.length >= 4);
  // Mostly made of the account's own name or address: what is left besides it is too short to count.
  if ((email && lower.includes(email)) || personal.some((part) => compact.includes(part) && compact.replace(part, '').length < 8)) {
    return [PASSWORD_MESSAGES.personal];
  }
  return [];
}
