import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('uses the socket address and ignores X-Forwarded-For without trusted proxies', () => {
    expect(clientAddress({ socketAddress: '203.0.113.7', forwardedFor: '198.51.100.1', trustedProxies: 0 })).toBe('203.0.113.7');
  });

  it('treats an IPv4 client on a dual-stack socket as its IPv4 address', () => {
    expect(clientAddress({ socketAddress: '::ffff:127.4.5.6', forwardedFor: undefined, trustedProxies: 0 })).toBe('127.4.5.6');
  });

  it('behind one trusted proxy uses the last hop, not what the client wrote before it', () => {
    expect(
      clientAddress({ socketAddress: '10.0.0.2', forwardedFor: '6.6.6.6, 198.51.100.9', trustedProxies: 1 }),
    ).toBe('198.51.100.9');
  });

  it('behind two trusted proxies uses the second entry from the right, across repeated headers', () => {
    expect(
      clientAddress({ socketAddress: '10.0.0.2', forwardedFor: ['6.6.6.6, 198.51.100.9', '10.0.0.1'], trustedProxies: 2 }),
    ).toBe('198.51.100.9');
  });

  it('falls back to the socket when the header is missing, too short or not an address', () => {
    expect(clientAddress({ socketAddress: '10.0.0.2', forwardedFor: undefined, trustedProxies: 1 })).toBe('10.0.0.2');
    expect(clientAddress({ socketAddress: '10.0.0.2', forwardedFor: '198.51.100.9', trustedProxies: 2 })).toBe('10.0.0.2');
    expect(clientAddress({ socketAddress: '10.0.0.2', forwardedFor: 'not-an-address', trustedProxies: 1 })).toBe('10.0.0.2');
  });
});
