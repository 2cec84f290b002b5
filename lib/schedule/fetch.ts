import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { env } from '@/lib/env';
import { MAX_SCHEDULE_BYTES } from './parse';

/**
 * Fetches a schedule from a URL an author typed, without letting that URL reach inside our own
 * network (SSRF): http(s) only; every host name resolved here and EVERY address it resolves to
 * checked (public unicast only), and the connection made to the checked address (so a second,
 * different DNS answer cannot slip in); redirects followed by hand, each hop checked the same
 * way; a size limit counted on the wire (no compression asked for) and one deadline for it all.
 *
 * SCHEDULE_FETCH_ALLOW (lib/env.ts) lists addresses the tests may reach on this machine.
 */

export type FetchErrorCode = 'url' | 'protocol' | 'address' | 'dns' | 'timeout' | 'too-large' | 'status' | 'redirects' | 'network';

export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type FetchOptions = { maxBytes?: number; timeoutMs?: number; maxRedirects?: number; allow?: string | null };

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

function parseAllow(list: string | null | undefined): Range[] {
  return (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => (entry.includes('/') ? ipaddr.parseCIDR(entry) : ([ipaddr.process(entry), ipaddr.process(entry).kind() === 'ipv4' ? 32 : 128] as Range)));
}

/** Is this address one a fetch may connect to: public unicast, or allowed for the tests? */
export function isAllowedAddress(address: string, allow: Range[] = []): boolean {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // IPv4-mapped IPv6 (::ffff:127.0.0.1) is checked as the IPv4 address it is.
    ip = ipaddr.process(address);
  } catch {
    return false;
  }
  if (allow.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range, bits))) return true;
  return ip.range() === 'unicast';
}

function lookupChecked(allow: Range[]): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, verbatim: true }, (error, addresses) => {
      const done = callback as (err: Error | null, address: string | dns.LookupAddress[], family?: number) => void;
      if (error || !addresses.length) return done(new FetchError('dns', `The host ${hostname} could not be found.`), '', 0);
      const refused = addresses.find((a) => !isAllowedAddress(a.address, allow));
      if (refused) return done(new FetchError('address', `${hostname} points to a private or local address (${refused.address}): only public web addresses can be imported.`), '', 0);
      if ((options as dns.LookupOptions).all) done(null, addresses);
      else done(null, addresses[0].address, addresses[0].family);
    });
  };
}

function get(url: URL, allow: Range[], deadline: AbortSignal): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.get(url, {
      lookup: lookupChecked(allow),
      signal: deadline,
      headers: { 'user-agent': 'Hallway schedule import', accept: 'application/json, application/xml, text/xml, text/calendar, */*;q=0.5', 'accept-encoding': 'identity' },
    });
    req.on('response', resolve);
    req.on('error', reject);
  });
}

function read(res: http.IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    res.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        // Settled first: destroying the stream then reports an abort, which must not win.
        reject(new FetchError('too-large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`));
        res.destroy();
        return;
      }
      chunks.push(chunk);
    });
    res.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    res.on('error', reject);
    res.on('aborted', () => reject(new FetchError('network', 'The server closed the connection before the whole file arrived.')));
  });
}

export async function fetchSchedule(input: string, options: FetchOptions = {}): Promise<{ bytes: Uint8Array; url: string }> {
  const { maxBytes = MAX_SCHEDULE_BYTES, timeoutMs = 15_000, maxRedirects = 5 } = options;
  const allow = parseAllow(options.allow === undefined ? env.SCHEDULE_FETCH_ALLOW : options.allow);
  const deadline = AbortSignal.timeout(timeoutMs);
  let current: URL;
  try {
    current = new URL(input.trim());
  } catch {
    throw new FetchError('url', 'This is not a web address.');
  }
  for (let hop = 0; ; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') throw new FetchError('protocol', 'Only http:// and https:// addresses can be imported.');
    const host = current.hostname.replace(/^\[|\]$/g, '');
    // A literal address is never looked up: check it here.
    if (net.isIP(host) && !isAllowedAddress(host, allow)) throw new FetchError('address', `${host} is a private or local address: only public web addresses can be imported.`);
    let res: http.IncomingMessage;
    try {
      res = await get(current, allow, deadline);
    } catch (error) {
      if (error instanceof FetchError) throw error;
      if (deadline.aborted) throw new FetchError('timeout', `No answer within ${timeoutMs / 1000} seconds.`);
      throw new FetchError('network', `The server could not be reached (${(error as NodeJS.ErrnoException).code ?? 'connection failed'}).`);
    }
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.headers.location) {
      res.resume();
      if (hop >= maxRedirects) throw new FetchError('redirects', `More than ${maxRedirects} redirects.`);
      current = new URL(res.headers.location, current);
      continue;
    }
    if (status !== 200) {
      res.resume();
      throw new FetchError('status', `The server answered ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}.`);
    }
    const length = Number(res.headers['content-length']);
    if (Number.isFinite(length) && length > maxBytes) {
      res.destroy();
      throw new FetchError('too-large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
    }
    try {
      return { bytes: await read(res, maxBytes), url: current.href };
    } catch (error) {
      if (error instanceof FetchError) throw error;
      if (deadline.aborted) throw new FetchError('timeout', `The file did not arrive within ${timeoutMs / 1000} seconds.`);
      throw new FetchError('network', 'The download failed.');
    }
  }
}
