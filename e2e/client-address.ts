import crypto from 'node:crypto';
import http from 'node:http';
import net from 'node:net';

/**
 * A client address of its own for a test: a local forward proxy whose connections to the server
 * leave from a distinct loopback address (Linux routes all of 127.0.0.0/8 to `lo`), so the server
 * sees each test (or each person in a test) as a different machine by the socket address alone,
 * the only address it trusts. Point a browser context or request context at `proxy`.
 */
export type ClientAddress = { address: string; proxy: { server: string }; close(): Promise<void> };

// Differs per run: the sign-in limiter remembers an address for an hour, and a reused test server keeps it.
const RUN = crypto.randomBytes(4).toString('hex');

/** A loopback address other than 127.0.0.1, stable for a seed within one run. */
export function loopbackAddress(seed: string): string {
  const b = crypto.createHash('sha256').update(`${RUN}:${seed}`).digest();
  return `127.${(b[0] % 254) + 1}.${b[1]}.${(b[2] % 250) + 2}`;
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'transfer-encoding', 'upgrade'];

// `localhost` may resolve to ::1 first, which cannot be reached from a 127.x source address.
const ipv4 = (host: string) => (host === 'localhost' ? '127.0.0.1' : host.replace(/^\[|\]$/g, ''));

/** `address`: a chosen loopback address instead of the seed's (several hosts of one network). */
export async function startClientAddress(seed: string, address = loopbackAddress(seed)): Promise<ClientAddress> {
  const agent = new http.Agent({ keepAlive: true, localAddress: address });

  const server = http.createServer((req, res) => {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute URL expected');
      return;
    }
    const headers = { ...req.headers };
    for (const name of HOP_BY_HOP) delete headers[name];
    const upstream = http.request(
      { agent, host: ipv4(target.hostname), port: target.port || 80, method: req.method, path: target.pathname + target.search, headers },
      (answer) => {
        const raw: string[] = [];
        for (let i = 0; i < answer.rawHeaders.length; i += 2) {
          if (!HOP_BY_HOP.includes(answer.rawHeaders[i].toLowerCase())) raw.push(answer.rawHeaders[i], answer.rawHeaders[i + 1]);
        }
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, raw);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });

  server.on('connect', (req, client, head) => {
    const { hostname, port } = new URL(`http://${req.url}`);
    const upstream = net.connect({ host: ipv4(hostname), port: Number(port || 443), localAddress: address }, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // A proxy left open by a test must not keep the worker alive.
  server.unref();
  const { port } = server.address() as net.AddressInfo;
  return {
    address,
    proxy: { server: `http://127.0.0.1:${port}` },
    async close() {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
