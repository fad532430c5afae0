import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { municipalities, safetyRegions } from '@/db/schema';
import type { Db } from '@/db/types';
import { render } from '@/lib/errors';

const referenceDir = path.join(process.cwd(), 'db', 'reference');

const regionRow = z.object({
  veiligheidsregio_code: z.string().regex(/^VR\d{2}$/),
  veiligheidsregio: z.string().min(1),
  politie_eenheid: z.string().min(1),
  riec: z.string().min(1),
});

const municipalityRow = z.object({
  gemeente_code: z.string().regex(/^GM\d{4}$/),
  gemeente: z.string().min(1),
  veiligheidsregio_code: z.string().regex(/^VR\d{2}$/),
  politie_eenheid: z.string().min(1),
});

async function readCsv<T>(file: string, row: z.ZodType<T>): Promise<T[]> {
  const text = await fs.readFile(path.join(referenceDir, file), 'utf8');
  const records: unknown[] = parse(text, { columns: true, skip_empty_lines: true, trim: true });
  return records.map((record, i) => {
    const parsed = row.safeParse(record);
    if (!parsed.success) throw new Error(`${file} regel ${i + 2}: ${render(parsed.error.issues[0]?.message ?? '')}`);
    return parsed.data;
  });
}

/**
 * Loads safety regions and municipalities. Existing rows are kept as they are, because an admin may
 * have corrected them (the source lags behind municipal mergers).
 */
export async function loadReferenceData(db: Db): Promise<void> {
  const regions = await readCsv('veiligheidsregios.csv', regionRow);
  const gemeenten = await readCsv('gemeenten.csv', municipalityRow);
  await db.transaction(async (tx) => {
    await tx
      .insert(safetyRegions)
      .values(
        regions.map((r) => ({
          code: r.veiligheidsregio_code,
          name: r.veiligheidsregio,
          policeUnit: r.politie_eenheid,
          riec: r.riec,
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(municipalities)
      .values(
        gemeenten.map((g) => ({
          code: g.gemeente_code,
          name: g.gemeente,
          safetyRegionCode: g.veiligheidsregio_code,
          policeUnit: g.politie_eenheid,
        })),
      )
      .onConflictDoNothing();
  });
}
