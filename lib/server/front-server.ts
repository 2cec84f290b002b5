import http from 'node:http';
import next from 'next';
import { openRouteLookups } from '@/db/route-lookups';
import { CLIENT_ADDRESS_HEADER } from '@/lib/client-address-header';
import { env } from '@/lib/env';
import { arrivingElsewhere } from '@/lib/site-address';
import { frontCacheHeaders } from './cache-control';
import { clientAddress } from './client-address';
import { GONE_HTML } from './gone-page';
import { nonceHtmlResponses } from './nonce-html-responses';
import { numberedListSegments, routeVerdict } from './route-guard';
import { strictTransportSecurity } from './security-headers';

/**
 * The production server: a plain Node HTTP server in front of Next's request handler (`npm start`
 * and the browser tests' server run it instead of `next start`). It settles, per request, what
 * Next cannot: which address the client has (for the sign-in limit), whether the path can be
 * decoded at all, whether a reader URL names anything, before Next's route cache would store a 404
 * for it, and a Content-Security-Policy nonce per page, also for pages served from that cache.
 */
export async function startFrontServer({ port, host, dir = process.cwd() }: { port: number; host?: string; dir?: string }): Promise<http.Server> {
  const app = next({ dev: false, dir, hostname: 'localhost', port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // The data folder is prepared before the server starts, so the database exists.
  const lookups = openRouteLookups(env.DATABASE_PATH);
  const hsts = strictTransportSecurity(env.SITE_URL);
  // Said once: the first request from elsewhere tells the operator; a stream of odd Host headers must not fill the log.
  let toldAddress = false;

  const server = http.createServer((req, res) => {
    delete req.headers[CLIENT_ADDRESS_HEADER];
    const address = clientAddress({
      socketAddress: req.socket.remoteAddress,
      forwardedFor: req.headers['x-forwarded-for'],
      trustedProxies: env.TRUSTED_PROXIES,
    });
    if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
    if (hsts) res.setHeader('Strict-Transport-Security', hsts);
    if (!toldAddress) {
      const elsewhere = arrivingElsewhere({ host: req.headers.host, forwardedHost: forwardedHost(req) });
      if (elsewhere) {
        toldAddress = true;
        console.warn(`Warning: requests arrive at ${elsewhere}, but SITE_URL is ${env.SITE_URL}: feeds, canonical links and calendar links point there. Set SITE_URL to the address readers use.`);
      }
    }
    // First: the nonce's writeHead hands every header on to this one.
    frontCacheHeaders(res);
    nonceHtmlResponses(req, res);

    const answered = answerBeforeCache(req, res);
    const done = answered ?? handle(req, res);
    done.catch((error: unknown) => {
      console.error('[front-server] request failed', error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal Server Error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;

  /**
   * Answers what needs no app: a path that cannot be decoded (400: Next would fail on it with a 500),
   * and reader URLs that name nothing (404) or a deleted recap (410). Null to let Next answer.
   */
  function answerBeforeCache(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> | null {
    const pathname = (req.url ?? '/').split('?')[0];
    let segments: string[];
    try {
      segments = pathname.split('/').slice(1).map(decodeURIComponent);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('Bad Request: the address holds a malformed percent-encoding.');
      return Promise.resolve();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return null;
    const verdict = routeVerdict(numberedListSegments(segments, new URLSearchParams((req.url ?? '').split('?')[1] ?? '').get('page')), lookups);
    if (verdict === 'pass') return null;
    if (verdict === 'gone') {
      res.writeHead(410, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Robots-Tag': 'noindex',
      });
      res.end(req.method === 'HEAD' ? undefined : GONE_HTML);
      return Promise.resolve();
    }
    // Next's own not-found page, served from its prerendered copy: nothing is written for this URL.
    return app.render404(req, res);
  }
}

/** X-Forwarded-Host, only from a proxy that is trusted to set it. */
function forwardedHost(req: http.IncomingMessage): string | undefined {
  const value = req.headers['x-forwarded-host'];
  return env.TRUSTED_PROXIES > 0 && typeof value === 'string' ? value : undefined;
}
