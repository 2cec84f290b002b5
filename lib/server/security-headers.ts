import crypto from 'node:crypto';
import { EMBED_ORIGINS } from '@/lib/embeds';

/**
 * The Content-Security-Policy of every HTML page (docs/decisions/016-front-server-and-content-security-policy.md).
 * Scripts run only with this response's nonce, or when a script with it loaded them ('strict-dynamic':
 * Next's runtime adds its chunks that way); no eval. Styles may be inline (Next and Tailwind emit
 * some). Images may come from any web host, since a recap may show any; frames only from the
 * players lib/embeds.ts builds iframes for.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https: http:",
    `frame-src ${EMBED_ORIGINS.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A fresh nonce per response: 128 random bits. */
export function createNonce(): string {
  return crypto.randomBytes(16).toString('base64');
}

/**
 * Strict-Transport-Security for a site served from `siteUrl` (two years, subdomains included), or
 * null over plain http: browsers ignore the header there, and a local install must stay reachable.
 */
export function strictTransportSecurity(siteUrl: string): string | null {
  return new URL(siteUrl).protocol === 'https:' ? 'max-age=63072000; includeSubDomains' : null;
}
