import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce, strictTransportSecurity } from './security-headers';

describe('security headers', () => {
  it('sends HSTS only for an https site', () => {
    expect(strictTransportSecurity('https://hallway.example')).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(strictTransportSecurity('http://localhost:3000')).toBeNull();
  });

  it('lets scripts run by nonce only, never eval, and frames only from the embed players', () => {
    const policy = contentSecurityPolicy('n0nce');
    const directives = new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('script-src')).toEqual(["'nonce-n0nce'", "'strict-dynamic'"]);
    expect(policy).not.toContain('unsafe-eval');
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(
      expect.arrayContaining(['https://www.youtube-nocookie.com', 'https://player.vimeo.com', 'https://speakerdeck.com']),
    );
  });

  it('makes a new nonce every time', () => {
    expect(createNonce()).not.toBe(createNonce());
    expect(Buffer.from(createNonce(), 'base64')).toHaveLength(16);
  });
});
