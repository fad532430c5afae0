import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * One process per embedded data directory. PGlite has no locking of its own: a second process that opens
 * the directory while the server runs on it overwrites the server's pages (of 50 committed rows 13
 * remained, the audit log got duplicate keys). So the opener takes `<dataDir>.lock`, created atomically
 * (O_EXCL) with its pid and start time; every other opener refuses before it writes anything.
 */

interface Holder {
  pid: number;
  /** Start time of the process in clock ticks since boot (/proc/<pid>/stat), so a reused pid is no holder. */
  startTicks?: number;
  host: string;
  startedAt: string;
}

type Registry = { held: Map<string, number>; exitHook?: boolean };
// Shared through globalThis: scripts/serve.ts takes the lock, the bundled route handlers open the database.
const registry: Registry = ((globalThis as { __casusregieDirLocks?: Registry }).__casusregieDirLocks ??= { held: new Map() });

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: Holder | undefined,
  ) {
    const who = holder ? `proces ${holder.pid} op ${holder.host} (sinds ${holder.startedAt})` : 'een proces dat haar net opent';
    super(
      `De ingebouwde database in ${dataDir} is in gebruik door ${who}. Er mag maar één proces tegelijk in; ` +
        'een tweede zou gegevens van het eerste overschrijven. Er is niets gewijzigd. Stop eerst de server ' +
        '(of dat andere proces) en probeer het dan opnieuw, of laat de server het werk doen: die draait zelf ' +
        'de sweep (elke 15 minuten), de mail en de opschoning (dagelijks).' +
        (holder && holder.host !== os.hostname()
          ? ` Draait op ${holder.host} zeker niets meer, verwijder dan ${lockPathOf(dataDir)}.`
          : ''),
    );
    this.name = 'DataDirLockedError';
  }
}

export const lockPathOf = (dataDir: string) => `${path.resolve(dataDir)}.lock`;

/** The start time of `pid` in clock ticks since boot, or undefined where /proc is not there (macOS). */
export function processStartTicks(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (command) state ppid …": the command may hold spaces and parentheses; field 22 is the start time.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): Holder | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Holder>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? (parsed as Holder) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the process named in a lock still holds it (a pid on another host cannot be checked: it does). */
function stillHeld(holder: Holder): boolean {
  if (holder.host !== os.hostname()) return true;
  // Our own pid without our own entry: an earlier life of this pid (a container restarted as pid 1).
  if (holder.pid === process.pid) return false;
  if (!alive(holder.pid)) return false;
  const ticks = processStartTicks(holder.pid);
  return holder.startTicks === undefined || ticks === undefined || ticks === holder.startTicks;
}

function tryCreate(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  const holder: Holder = { pid: process.pid, startTicks: processStartTicks(process.pid), host: os.hostname(), startedAt: new Date().toISOString() };
  try {
    fs.writeSync(fd, `${JSON.stringify(holder)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/**
 * Removes a stale lock, under a second lock so that two processes finding the same stale lock do not
 * both take it: whoever creates `<lock>.takeover` first checks again and removes it.
 */
function removeStale(file: string, seen: Holder | undefined): void {
  const guard = `${file}.takeover`;
  try {
    if (Date.now() - fs.statSync(guard).mtimeMs > 10_000) fs.rmSync(guard, { force: true });
  } catch {
    // no guard left behind
  }
  if (!tryCreate(guard)) return;
  try {
    const now = readHolder(file);
    if (JSON.stringify(now) === JSON.stringify(seen)) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

function releaseAll(): void {
  for (const file of registry.held.keys()) {
    if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  }
  registry.held.clear();
}

/**
 * Takes the lock of `dataDir` for this process, or throws DataDirLockedError naming who holds it. Within
 * one process the lock is counted (the server takes it at start, its database opens later); the returned
 * function gives one back, and the lock goes at the last one or when the process exits.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = lockPathOf(dataDir);
  const count = registry.held.get(file);
  if (count === undefined) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    for (let attempt = 0; !tryCreate(file); attempt += 1) {
      const holder = readHolder(file);
      // An unreadable lock that is seconds old is one being written right now.
      const fresh = !holder && Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) < 5_000;
      if (attempt >= 3 || fresh || (holder && stillHeld(holder))) throw new DataDirLockedError(path.resolve(dataDir), holder);
      removeStale(file, holder);
    }
    if (!registry.exitHook) {
      registry.exitHook = true;
      process.on('exit', releaseAll);
    }
  }
  registry.held.set(file, (count ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (registry.held.get(file) ?? 1) - 1;
    if (left > 0) {
      registry.held.set(file, left);
      return;
    }
    registry.held.delete(file);
    if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
}
