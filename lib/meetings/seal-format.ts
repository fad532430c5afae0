import { createHash } from 'node:crypto';

// The sealed report's shape and its hashes: shared by sealing, verifying and reading (no database here).

/** The meeting as it stood at afronding: what everyone invited may read (no case content). */
export interface ReportHeader {
  meetingId: string;
  version: number;
  sealedAt: string;
  title: string;
  kind: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  videoUrl: string | null;
  chairName: string | null;
  minuteTakerName: string | null;
  invitees: {
    organisationId: string;
    organisationName: string;
    attendance: string | null;
    informationReceivedAt: string | null;
    informationNote: string | null;
  }[];
  /** Each item with the SHA-256 of its content: the seal covers them, so one item can be checked (or removed
   *  under the retention term) without the others. */
  outline: { id: string; position: number; durationMinutes: number; status: string; sha256: string }[];
}

export interface ReportAgreement {
  id: string;
  description: string;
  ownerOrganisationId: string;
  ownerOrganisationName: string;
  dueDate: string;
  status: string;
  blockedAt: string | null;
  blockedReason: string | null;
  completedAt: string | null;
  lastProgressAt: string | null;
  statusReport: { note: string; authorName: string; at: string } | null;
}

/** One agenda item as it stood at afronding: only for readers who may see the item live. */
export interface ReportItem {
  id: string;
  position: number;
  status: string;
  caseId: string | null;
  caseNumber: string | null;
  topic: string | null;
  presenterName: string | null;
  minutes: string | null;
  outcome: string | null;
  agreements: ReportAgreement[];
}

/** JSON with object keys sorted at every depth: the same report always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const sha256Of = (text: string) => createHash('sha256').update(text).digest('hex');

/** The SHA-256 of one item's content, listed in the header. */
export function itemHash(item: ReportItem): string {
  return sha256Of(canonicalJson(item));
}

/** The seal: SHA-256 (hex) of the header, which lists every item with its own hash. */
export function reportHash(header: ReportHeader): string {
  return sha256Of(canonicalJson(header));
}

/** What the retention job leaves of an item whose case's personal data was removed (lib/retention). */
export const REMOVED_ITEM_MARK = 'bewaartermijn';
