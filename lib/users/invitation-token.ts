import { createHash, randomBytes } from 'node:crypto';
import { z } from '@/lib/validation/zod';

/** An invitation link works once, for this long. */
export const INVITATION_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** 32 random bytes, base64url: 43 characters in the link. */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** Only the SHA-256 of a token is stored: a copy of the database opens no invitation. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

export function invitationLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/invite/${token}`;
}

/**
 * Invitation links blanked out, for wherever others read the mail (the dev mailbox shows every mail to
 * the admins): the link belongs to the invitee alone, or the inviting admin could accept it themselves.
 */
export function hideInvitationLinks(text: string): string {
  return text.replace(/\/invite\/[A-Za-z0-9_-]{43}/g, '/invite/[alleen in de e-mail aan de genodigde]');
}
