import ipaddr from 'ipaddr.js';

/**
 * The address of the client a request came from, as the per-address sign-in limit sees it.
 *
 * The socket's peer is the only address a client cannot choose. Behind `trustedProxies` reverse
 * proxies, each of which appends the address it received the request from to X-Forwarded-For,
 * the client is the entry that many hops from the right: entries further left were written by
 * the client itself and are ignored. A header shorter than the configured chain means a request
 * that bypassed the proxies, so the socket address stands.
 */
export function clientAddress({
  socketAddress,
  forwardedFor,
  trustedProxies,
}: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedProxies: number;
}): string | null {
  if (trustedProxies > 0) {
    const hops = [forwardedFor ?? []]
      .flat()
      .flatMap((value) => value.split(','))
      .map((entry) => entry.trim())
      .filter(Boolean);
    const candidate = hops[hops.length - trustedProxies];
    if (candidate && ipaddr.isValid(candidate)) return normalize(candidate);
  }
  return socketAddress && ipaddr.isValid(socketAddress) ? normalize(socketAddress) : null;
}

// `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) and `127.0.0.1` are one client.
function normalize(address: string): string {
  return ipaddr.process(address).toString();
}
