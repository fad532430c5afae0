import { stringify } from 'csv-stringify/sync';
import { asUser } from '@/db/transaction';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { todayInAmsterdam } from '@/lib/calendar/today';
import en from '@/lib/i18n/messages/en.json';
import nl from '@/lib/i18n/messages/nl.json';
import { listSignals, SIGNAL_LIST_LIMIT, type SignalItem } from './list-signals';
import { STUURGROEP_MIN_LEVEL } from './levels';
import type { SignalListQuery } from './schemas';

/** The stuurgroep report: what is still open after it reached the manager, highest level and oldest first. */
export function stuurgroepReport(actor: Actor): Promise<{ items: SignalItem[]; total: number }> {
  return listSignals(actor, { status: 'open', minLevel: STUURGROEP_MIN_LEVEL }, SIGNAL_LIST_LIMIT);
}

type Messages = typeof nl.signals;
const MESSAGES: Record<string, Messages> = { nl: nl.signals, en: en.signals };

const day = (d: Date) => todayInAmsterdam(d);

/** The signals as rows of cells, the header first, in the user's language. */
export function signalRows(items: SignalItem[], locale: string): string[][] {
  const m = MESSAGES[locale] ?? MESSAGES.nl!;
  return [
    [m.csv.case, m.csv.rule, m.csv.level, m.csv.status, m.csv.organisation, m.csv.since, m.csv.levelSince, m.csv.explanation],
    ...items.map((s) => [
      s.caseNumber ?? '',
      m.rules[s.rule],
      m.levels[s.level],
      m.statuses[s.status],
      s.organisationName ?? '',
      day(s.since),
      day(s.levelSince),
      s.message,
    ]),
  ];
}

/**
 * The signals of the filters as CSV for Excel: UTF-8 with a byte order mark, CRLF, semicolons in Dutch
 * and commas in English, and every cell that starts like a formula (=, +, -, @, tab, CR) escaped with an
 * apostrophe. The export is recorded in the audit log.
 */
export async function signalsCsv(actor: Actor, query: SignalListQuery, locale: string): Promise<{ filename: string; body: string }> {
  const { items, total } = await listSignals(actor, query, SIGNAL_LIST_LIMIT);
  await asUser(actor.userId, (tx) =>
    audit(tx, subjectOf(actor), { action: 'export', entity: 'signals', details: { ...query, rows: items.length, total } }),
  );
  const body = stringify(signalRows(items, locale), {
    bom: true,
    delimiter: locale === 'en' ? ',' : ';',
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    escape_formulas: true,
  });
  const stuurgroep = query.minLevel === STUURGROEP_MIN_LEVEL && query.status === 'open';
  return { filename: `${stuurgroep ? 'stuurgroep' : 'signalen'}-${todayInAmsterdam()}.csv`, body };
}
