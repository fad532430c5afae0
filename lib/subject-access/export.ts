import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { withCase } from '@/lib/cases/access';
import { todayInAmsterdam } from '@/lib/calendar/today';
import { getHouse } from '@/lib/house/house';
import { enforceRateLimit } from '@/lib/http/rate-limit';
import { z } from '@/lib/validation/zod';
import { accessLogEntries } from './access-log';
import { caseEntries } from './case-entries';
import { EXPORT_FORMAT, type FreeText, type SubjectAccessDocument } from './document';
import { loadNameContext } from './name-context';
import { flagNames } from './name-flags';
import { subjectCaseIds } from './subject-cases';

export const exportFormatSchema = z.enum(['html', 'json']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/**
 * Inzage (AVG art. 15) for the subject of one case: every case of the house about the same person (same
 * name and date of birth), with partners, agreements, progress, their own agenda items and minutes,
 * signals and the access log. Regisseurs only (lib/access/matrix.ts, 'case.subjectAccess').
 *
 * The export is itself recorded first, once per case it covers (so each case's own access log shows it),
 * and the log is read afterwards in the same transaction: the document contains its own making.
 *
 * It counts against the export limit (429 over it), but only once the actor may export this case: who
 * may not gets the 404 or 403 of the case however often they try, never a 429 that would tell them more
 * than the case does, and their refused tries use up nothing.
 */
export async function subjectAccessExport(
  actor: Actor,
  caseId: unknown,
  format: ExportFormat = 'json',
  now = new Date(),
): Promise<SubjectAccessDocument> {
  await withCase(actor, caseId, 'case.subjectAccess', async () => undefined);
  await enforceRateLimit(actor, 'export', now);
  const house = await getHouse();
  return withCase(actor, caseId, 'case.subjectAccess', async (tx, { ref }) => {
    const { identity, caseIds } = await subjectCaseIds(tx, ref.id);
    const context = await loadNameContext(tx, [identity.name]);
    const entries = await caseEntries(tx, caseIds, (text): FreeText => ({ text, flags: flagNames(text, context) }));

    for (const entry of entries) {
      await audit(tx, subjectOf(actor), {
        action: 'export',
        entity: 'subject-access',
        entityId: ref.id,
        caseId: entry.id,
        caseNumber: entry.number,
        details: { format, cases: entries.length },
      });
    }
    const accessLog = await accessLogEntries(tx, caseIds);

    const texts = collectFreeTexts(entries);
    return {
      format: EXPORT_FORMAT,
      generatedAt: now.toISOString(),
      generatedBy: { organisationName: actor.organisationName, role: actor.role },
      houseName: house.name,
      subject: {
        name: identity.name,
        birthDate: identity.birthDate,
        addresses: [...new Set(entries.map((e) => e.subject.address).filter((a): a is string => Boolean(a)))],
      },
      cases: entries,
      accessLog,
      redactionReview: {
        flaggedFields: texts.filter((t) => t.flags.length > 0).length,
        flags: texts.reduce((n, t) => n + t.flags.length, 0),
      },
    };
  });
}

/** Every free-text value in the entries (found by shape, so a field added later is counted too). */
export function collectFreeTexts(value: unknown, out: FreeText[] = []): FreeText[] {
  if (Array.isArray(value)) value.forEach((v) => collectFreeTexts(v, out));
  else if (value && typeof value === 'object') {
    if ('text' in value && 'flags' in value && Array.isArray(value.flags)) out.push(value as FreeText);
    else Object.values(value).forEach((v) => collectFreeTexts(v, out));
  }
  return out;
}

/** inzage-ZVH-2026-0001-2026-05-04.json: the case asked about and the day (in the house's time zone). */
export function exportFilename(document: SubjectAccessDocument, caseId: string): string {
  const number = document.cases.find((c) => c.id === caseId)?.number ?? 'casus';
  return `inzage-${number}-${todayInAmsterdam(new Date(document.generatedAt))}.json`;
}
