import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PASSWORD, freePort, isRoot, render, runAsPostgres, waitFor, which } from './tools';

/** PgBouncer as the user postgres, from scripts/multi-instance/pgbouncer.ini (less the lines `without`). */
export async function startBouncer(dir: string, name: string, pgPort: number, options: { without?: RegExp }) {
  const port = await freePort();
  const file = (ext: string) => path.join(dir, `${name}.${ext}`);
  fs.writeFileSync(file('users'), `"casusregie" "${PASSWORD}"\n`);
  const config = render('pgbouncer.ini', {
    PG_HOST: '127.0.0.1',
    PG_PORT: String(pgPort),
    LISTEN_ADDR: '127.0.0.1',
    LISTEN_PORT: String(port),
    AUTH_FILE: file('users'),
    POOL_SIZE: '6',
    LOG_FILE: file('log'),
    PID_FILE: file('pid'),
    ADMIN_USER: 'casusregie',
  });
  fs.writeFileSync(file('ini'), config.split('\n').filter((line) => !options.without?.test(line)).join('\n'));
  if (isRoot) execFileSync('chown', ['postgres', file('users'), file('ini')]);
  runAsPostgres(which('pgbouncer')!, ['-d', file('ini')]);
  const stop = () => {
    const pid = Number(fs.readFileSync(file('pid'), 'utf8'));
    if (pid) process.kill(pid, 'SIGTERM');
  };
  const url = `postgres://casusregie:${PASSWORD}@127.0.0.1:${port}/casusregie`;
  await waitFor('PgBouncer', 10_000, async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.end();
    return true;
  });
  return {
    url,
    stop,
    kill: () => {
      try {
        stop();
      } catch {}
    },
  };
}
