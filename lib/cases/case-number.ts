import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/types';

export function yearInAmsterdam(now: Date): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(now));
}

export function formatCaseNumber(year: number, sequence: number): string {
  return `ZVH-${year}-${String(sequence).padStart(4, '0')}`;
}

/**
 * The next number of the year, like ZVH-2026-0042. The counter row stays locked until the transaction
 * ends, so concurrent referrals queue, and a rolled-back referral gives its number back: no gaps.
 */
export async function nextCaseNumber(tx: Tx, now = new Date()): Promise<string> {
  const year = yearInAmsterdam(now);
  const result = await tx.execute(sql`
    insert into case_number_counters (year, last) values (${year}, 1)
    on conflict (year) do update set last = case_number_counters.last + 1
    returning last`);
  const [row] = (result as unknown as { rows: { last: number }[] }).rows;
  return formatCaseNumber(year, row!.last);
}
