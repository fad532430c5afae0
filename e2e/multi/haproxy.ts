import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Instance } from './instance';
import { render, waitFor, which } from './tools';

/**
 * HAProxy round robin in front of both instances, checking /api/ready; resolves once it sends to both.
 * Its stop goes on `stops` (and its kill on `emergency`) before the wait, so a failed start is cleaned up too.
 */
export async function startHaproxy(
  dir: string,
  proxyPort: number,
  [a, b]: [Instance, Instance],
  stops: (() => Promise<void> | void)[],
  emergency: (() => void)[],
) {
  const statsSocket = path.join(dir, 'haproxy.sock');
  fs.writeFileSync(
    path.join(dir, 'haproxy.cfg'),
    render('haproxy.cfg', {
      STATS_SOCKET: statsSocket,
      BIND: `127.0.0.1:${proxyPort}`,
      SERVERS: [a, b].map((app) => `    server ${app.name} ${new URL(app.url).host} check`).join('\n'),
    }),
  );
  const proxyLog = fs.openSync(path.join(dir, 'haproxy.log'), 'a');
  const proxy = spawn(which('haproxy')!, ['-f', path.join(dir, 'haproxy.cfg'), '-db'], { stdio: ['ignore', proxyLog, proxyLog] });
  const proxyExited = new Promise((resolve) => proxy.once('exit', resolve));
  stops.push(async () => {
    proxy.kill('SIGTERM');
    await proxyExited;
  });
  emergency.push(() => proxy.kill('SIGKILL'));
  const backends = () => haproxyBackends(statsSocket);
  await waitFor('HAProxy sending to both instances', 20_000, async () => {
    const state = await backends();
    return state.a === 'UP' && state.b === 'UP' ? true : undefined;
  });
  return backends;
}

/** HAProxy's stats socket: the status of each server of the backend `app`. */
async function haproxyBackends(socket: string): Promise<Record<string, string>> {
  const csv = await new Promise<string>((resolve, reject) => {
    let out = '';
    const connection = net.createConnection(socket, () => connection.write('show stat\n'));
    connection.on('data', (chunk) => (out += chunk));
    connection.on('end', () => resolve(out));
    connection.on('error', reject);
  });
  const [header, ...rows] = csv.replace(/^# /, '').trim().split('\n');
  const columns = header!.split(',');
  const [px, sv, status] = ['pxname', 'svname', 'status'].map((c) => columns.indexOf(c));
  const state: Record<string, string> = {};
  for (const row of rows) {
    const cells = row.split(',');
    if (cells[px!] === 'app' && cells[sv!] !== 'BACKEND') state[cells[sv!]!] = cells[status!]!;
  }
  return state;
}
