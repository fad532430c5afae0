import type { BulkSession } from './bulk';

/** The settings key the generator writes; its absence beside existing cases means real (or demo) data. */
export const GENERATED_MARKER = 'generated';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * Why a database URL looks like production, or null: a host that is not this machine, or a database
 * whose name says "prod". Generated data with published demo passwords must never land there by accident.
 */
export function productionReason(databaseUrl: string | undefined): string | null {
  if (!databaseUrl) return null;
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return 'de DATABASE_URL is geen geldige URL';
  }
  const host = url.hostname.toLowerCase();
  const name = decodeURIComponent(url.pathname.replace(/^\//, '')).toLowerCase();
  if (!LOCAL_HOSTS.has(host)) return `de database staat niet op deze machine (host ${host})`;
  if (name.includes('prod')) return `de databasenaam "${name}" klinkt als productie`;
  return null;
}

export interface DatabaseState {
  cases: number;
  users: number;
  marker: boolean;
}

export async function readDatabaseState(session: BulkSession): Promise<DatabaseState> {
  const [row] = await session.query<{ cases: number; users: number; marker: boolean }>(
    `select (select count(*)::int from cases) as cases, (select count(*)::int from users) as users,
            exists (select 1 from settings where key = $1) as marker`,
    [GENERATED_MARKER],
  );
  return row!;
}

/**
 * Why the generator must not write here without --force, or null. Users without cases count too: a
 * fresh production installation has its administrators before its first case.
 */
export function refusalReason(state: DatabaseState, databaseUrl: string | undefined): string | null {
  const production = productionReason(databaseUrl);
  if (production) return `Geweigerd: ${production}. Gebruik --force als je dit echt wilt.`;
  if (!state.marker && (state.cases > 0 || state.users > 0)) {
    return (
      `Geweigerd: de database bevat al gegevens die niet door seed:scale zijn gemaakt ` +
      `(${state.cases} casussen, ${state.users} gebruikers). Gebruik een lege database, of --force om toch toe te voegen.`
    );
  }
  return null;
}
