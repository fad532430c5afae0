import { getDb } from '@/db/client';
import { partnerCandidates } from '@/lib/cases/partners';
import { listMunicipalities } from '@/lib/reference/municipalities';
import { listRegisseurs } from '@/lib/users/directory';

/*
 * The choices forms and filters offer: municipalities, regisseurs, partner organisations. Directory data,
 * read as before on the process's connection (not the actor's); here so pages need not hold a connection.
 */

export async function municipalityChoices(safetyRegionCode?: string) {
  return listMunicipalities(await getDb(), safetyRegionCode);
}

export async function regisseurChoices() {
  return listRegisseurs(await getDb());
}

export async function partnerChoices() {
  return partnerCandidates(await getDb());
}
