import type http from 'node:http';
import { takeWriteHeadHeaders } from './write-head';

/**
 * What a cache in front of the app (nginx, a CDN) may keep. Next marks pages and feeds from its
 * route cache `s-maxage=<revalidate>, stale-while-revalidate=<a year>`: a shared cache honouring
 * that would serve a page for a minute after a write, and then a stale copy once more on the
 * first request after any quiet time, because it never hears of the revalidation every write
 * does inside the app. And a stored page would hand every reader the same Content-Security-Policy
 * nonce, which then protects nothing. So the app's own route cache stays the only shared one
 * (docs/decisions/024-reverse-proxy.md):
 *
 * - HTML: `private, no-cache`: no shared cache stores it; a browser asks again before reusing it.
 * - anything else from the route cache (feeds, sitemaps, schedules): `public, no-cache`: a cache
 *   may keep a copy but asks the app, which answers from its route cache, every time.
 *
 * Other values (immutable assets, `private, no-store` responses) pass as they are.
 */
export function frontCacheControl(value: string, contentType: string): string {
  if (!/\bs-maxage=/i.test(value)) return value;
  return contentType.toLowerCase().startsWith('text/html') ? 'private, no-cache' : 'public, no-cache';
}

/** Applies `frontCacheControl` to `res` as its headers go out, also to headers handed to writeHead itself. */
export function frontCacheHeaders(res: http.ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => http.ServerResponse;
  res.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    const message = takeWriteHeadHeaders(res, rest);
    const cacheControl = res.getHeader('cache-control');
    if (cacheControl !== undefined) res.setHeader('Cache-Control', frontCacheControl(String(cacheControl), String(res.getHeader('content-type') ?? '')));
    return message === undefined ? writeHead(statusCode) : writeHead(statusCode, message);
  }) as typeof res.writeHead;
}
