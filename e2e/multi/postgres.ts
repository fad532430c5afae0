import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PASSWORD, freePort, isRoot, pgBin, runAsPostgres } from './tools';

/** A PostgreSQL cluster of its own in `dir` (initdb), with an empty database casusregie. */
export async function startPostgres(dir: string) {
  const bin = pgBin()!;
  const pgPort = await freePort();

  // PostgreSQL: the owner of the tables signs in with a password (SCRAM), as in production.
  fs.writeFileSync(path.join(dir, 'pwfile'), PASSWORD);
  if (isRoot) execFileSync('chown', ['postgres', path.join(dir, 'pwfile')]);
  const data = path.join(dir, 'data');
  runAsPostgres(path.join(bin, 'initdb'), ['-D', data, '-U', 'casusregie', '--auth=scram-sha-256', `--pwfile=${dir}/pwfile`, '-E', 'UTF8', '--locale=C.UTF-8']);
  runAsPostgres(path.join(bin, 'pg_ctl'), [
    '-D', data, '-l', path.join(dir, 'postgresql.log'), '-w', '-o',
    `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`, 'start',
  ]);
  const stopPostgres = () => runAsPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
  return { pgPort, stopPostgres };
}

/** Creates the database casusregie on a started cluster; its URL for the owner of the tables. */
export async function createDatabase(pgPort: number): Promise<string> {
  const server = `postgres://casusregie:${PASSWORD}@127.0.0.1:${pgPort}`;
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query('create database casusregie');
  await admin.end();
  return `${server}/casusregie`;
}
