import net from 'node:net';

/**
 * A TCP relay in front of the test server that can fail like a server or network does: `stop()` as a
 * stopped server (connections reset, new ones refused), `freeze()` as a frozen one (SIGSTOP, a cut
 * network: connections stay open, nothing comes back), `thaw()` lets what was held through.
 */
export function pgRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  let frozen = false;
  const held: (() => void)[] = [];

  const forward = (from: net.Socket, to: net.Socket) =>
    from.on('data', (chunk) => {
      if (frozen) held.push(() => to.write(chunk));
      else to.write(chunk);
    });

  const start = () =>
    new Promise<number>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        forward(client, upstream);
        forward(upstream, client);
        // A server's last words (say, FATAL 57P01 before it hangs up) reach the client before the end.
        client.on('end', () => upstream.end());
        upstream.on('end', () => client.end());
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve(port);
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });
  const freeze = () => {
    frozen = true;
  };
  const thaw = () => {
    frozen = false;
    for (const send of held.splice(0)) send();
  };
  /** The URL `url` would have through this relay. */
  const via = (url: string) => {
    const relayed = new URL(url);
    relayed.hostname = '127.0.0.1';
    relayed.port = String(port);
    return relayed.toString();
  };
  return { start, stop, freeze, thaw, via };
}
