import { and, asc, eq } from 'drizzle-orm';
import { municipalities } from '@/db/schema';
import type { Executor } from '@/db/types';

export async function municipalityExists(db: Executor, code: string): Promise<boolean> {
  const [row] = await db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(and(eq(municipalities.code, code), eq(municipalities.active, true)));
  return Boolean(row);
}

/** The municipalities a house serves (its safety region), for pick lists. */
export function listMunicipalities(db: Executor, safetyRegionCode?: string) {
  return db
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(
      safetyRegionCode
        ? and(eq(municipalities.safetyRegionCode, safetyRegionCode), eq(municipalities.active, true))
        : eq(municipalities.active, true),
    )
    .orderBy(asc(municipalities.name));
}
