import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSchedule, FetchError, isAllowedAddress } from './fetch';

/**
 * The URL import's guard rails, against servers on this machine. 127.0.0.1 is allowed only
 * where a test says so (the `allow` option, as SCHEDULE_FETCH_ALLOW does for the server); every
 * refusal happens before any connection, so no request leaves the loopback interface.
 */

let base: string;
let server: http.Server;
const hits: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/schedule.json') return res.end('{"schedule":{}}');
    if (req.url === '/big') {
      res.writeHead(200, { 'content-length': String(20 * 1024 * 1024) });
      return res.end();
    }
    if (req.url === '/endless') {
      // No length: the limit is counted as the bytes arrive.
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const timer = setInterval(() => res.write(chunk), 1);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (req.url === '/slow') return setTimeout(() => res.end('late'), 2000);
    if (req.url === '/to-same') {
      res.writeHead(302, { location: '/schedule.json' });
      return res.end();
    }
    if (req.url === '/to-ipv6-loopback') {
      res.writeHead(302, { location: `http://[::1]:${(server.address() as AddressInfo).port}/schedule.json` });
      return res.end();
    }
    if (req.url === '/to-other-loopback') {
      res.writeHead(301, { location: `http://127.0.0.2:${(server.address() as AddressInfo).port}/schedule.json` });
      return res.end();
    }
    if (req.url === '/to-file') {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      return res.end();
    }
    if (req.url === '/loop') {
      res.writeHead(302, { location: '/loop' });
      return res.end();
    }
    res.writeHead(404);
    res.end('no');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const allow = '127.0.0.1';
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('isAllowedAddress', () => {
  it('allows public unicast and refuses loopback, private, link-local, unique-local and mapped ones', () => {
    for (const ok of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946']) expect(isAllowedAddress(ok), ok).toBe(true);
    for (const bad of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', 'fe80::1', 'fc00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not an ip']) {
      expect(isAllowedAddress(bad), bad).toBe(false);
    }
  });
});

describe('fetchSchedule', () => {
  it('fetches from an allowed server and follows a redirect on it', async () => {
    expect(Buffer.from((await fetchSchedule(`${base}/schedule.json`, { allow })).bytes).toString()).toBe('{"schedule":{}}');
    const redirected = await fetchSchedule(`${base}/to-same`, { allow });
    expect(redirected.url).toBe(`${base}/schedule.json`);
  });

  it('refuses a loopback address without connecting to it', async () => {
    const before = hits.length;
    expect((await refusal(fetchSchedule(`${base}/schedule.json`, { allow: null }))).code).toBe('address');
    expect(hits.length).toBe(before);
  });

  it('resolves host names and refuses one that points to loopback', async () => {
    const port = (server.address() as AddressInfo).port;
    const before = hits.length;
    const error = await refusal(fetchSchedule(`http://localhost:${port}/schedule.json`, { allow: null }));
    expect(error.code).toBe('address');
    expect(error.message).toMatch(/localhost points to a private or local address/);
    expect(hits.length).toBe(before);
  });

  it('refuses redirects to private or loopback addresses, to other schemes, and endless ones', async () => {
    expect((await refusal(fetchSchedule(`${base}/to-ipv6-loopback`, { allow }))).code).toBe('address');
    expect((await refusal(fetchSchedule(`${base}/to-other-loopback`, { allow }))).code).toBe('address');
    expect((await refusal(fetchSchedule(`${base}/to-file`, { allow }))).code).toBe('protocol');
    expect((await refusal(fetchSchedule(`${base}/loop`, { allow, maxRedirects: 3 }))).code).toBe('redirects');
  });

  it('refuses other schemes, bad addresses, error statuses, oversized files and slow servers, each with its reason', async () => {
    expect((await refusal(fetchSchedule('ftp://example.org/schedule.xml'))).code).toBe('protocol');
    expect((await refusal(fetchSchedule('file:///etc/passwd'))).code).toBe('protocol');
    expect((await refusal(fetchSchedule('not a url'))).code).toBe('url');
    expect((await refusal(fetchSchedule(`${base}/missing`, { allow }))).message).toBe('The server answered 404 Not Found.');
    expect((await refusal(fetchSchedule(`${base}/big`, { allow, maxBytes: 1024 * 1024 }))).code).toBe('too-large');
    expect((await refusal(fetchSchedule(`${base}/endless`, { allow, maxBytes: 1024 * 1024 }))).code).toBe('too-large');
    const slow = await refusal(fetchSchedule(`${base}/slow`, { allow, timeoutMs: 300 }));
    expect(slow.code).toBe('timeout');
  });
});
