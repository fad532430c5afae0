import type { ScaleReport } from './generate';

const seconds = (ms: number) => (ms / 1000).toFixed(1).padStart(7);

/** The timing table seed:scale prints: rows and load time per table, then the totals. */
export function formatScaleReport(report: ScaleReport): string {
  const lines = ['tabel                       rijen    laden (s)', '-------------------------------------------------'];
  let rows = 0;
  let loadMs = 0;
  for (const [table, timing] of report.tables) {
    rows += timing.rows;
    loadMs += timing.ms;
    lines.push(`${table.padEnd(24)}${String(timing.rows).padStart(11)}  ${seconds(timing.ms)}`);
  }
  lines.push('-------------------------------------------------');
  lines.push(`${'totaal COPY'.padEnd(24)}${String(rows).padStart(11)}  ${seconds(loadMs)}`);
  lines.push('');
  lines.push('fase (wandkloktijd; maken en laden overlappen)   s');
  for (const p of report.phases) lines.push(`${p.name.padEnd(44)}${seconds(p.ms)}`);
  lines.push(`${'  waarvan rijen maken in Node'.padEnd(44)}${seconds(report.generateMs)}`);
  if (report.sweep) {
    const s = report.sweep;
    lines.push(`eerste sweep: ${s.detected} signalen, ${s.opened} nieuw, ${s.escalated} opgeschaald, ${s.reminders} herinneringen`);
  }
  lines.push(`${'totaal'.padEnd(44)}${seconds(report.totalMs)}`);
  return lines.join('\n');
}
