import http from 'node:http';
import next from 'next';
import { CLIENT_ADDRESS_HEADER } from '@/lib/client-address-header';
import { env } from '@/lib/env';
import nextConfig from '@/next.config';
import { clientAddress } from './client-address';

/**
 * The production server: a plain Node HTTP server in front of Next's request handler (`npm start`
 * and the browser tests' server run it instead of `next start`). It settles, per request, what
 * Next cannot: which address the client has (for the sign-in limit).
 */
export async function startFrontServer({ port, dir = process.cwd() }: { port: number; dir?: string }): Promise<http.Server> {
  const app = next({ dev: false, dir, conf: nextConfig, hostname: 'localhost', port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = http.createServer((req, res) => {
    delete req.headers[CLIENT_ADDRESS_HEADER];
    const address = clientAddress({
      socketAddress: req.socket.remoteAddress,
      forwardedFor: req.headers['x-forwarded-for'],
      trustedProxies: env.TRUSTED_PROXIES,
    });
    if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
    handle(req, res).catch((error: unknown) => {
      console.error('[front-server] request failed', error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal Server Error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return server;
}
