import { eq } from 'drizzle-orm';
import { cache } from 'react';
import { settings } from '@/db/schema';
import { getDb } from '@/db/client';
import { z } from '@/lib/validation/zod';

const houseSchema = z.object({ name: z.string().min(1), safetyRegionCode: z.string() });
export type House = z.infer<typeof houseSchema>;

const FALLBACK: House = { name: 'Veiligheidshuis', safetyRegionCode: '' };

/** The house this installation serves (one deployment, one house). */
export const getHouse = cache(async (): Promise<House> => {
  const db = await getDb();
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'house'));
  const parsed = houseSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : FALLBACK;
});
