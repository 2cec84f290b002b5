import { describe, expect, it } from 'vitest';
import { frontCacheControl } from './cache-control';

describe('Cache-Control for caches in front of the app', () => {
  const routeCache = 's-maxage=60, stale-while-revalidate=31535940';

  it('keeps pages out of shared caches: each carries a nonce of its own, and writes revalidate only the app', () => {
    expect(frontCacheControl(routeCache, 'text/html; charset=utf-8')).toBe('private, no-cache');
  });

  it('lets a shared cache keep a feed or sitemap only if it asks the app every time', () => {
    expect(frontCacheControl(routeCache, 'application/atom+xml; charset=utf-8')).toBe('public, no-cache');
    expect(frontCacheControl('s-maxage=3600', 'application/xml')).toBe('public, no-cache');
  });

  it('leaves immutable assets and private answers as they are', () => {
    expect(frontCacheControl('public, max-age=31536000, immutable', 'application/javascript')).toBe('public, max-age=31536000, immutable');
    expect(frontCacheControl('private, no-cache, no-store, max-age=0, must-revalidate', 'text/html')).toBe('private, no-cache, no-store, max-age=0, must-revalidate');
  });
});
