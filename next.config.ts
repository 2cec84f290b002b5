import type { NextConfig } from 'next';

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

const pageQuery = { type: 'query', key: 'page', value: '(?<page>\\d{1,6})' } as const;

const nextConfig: NextConfig = {
  // Tests and benchmarks build into their own folder so their writes never reach the
  // route cache of the journal a person runs with `npm start`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Hashing every cached page for an ETag cost 15 % of serving it; cached pages carry
  // Cache-Control of their own, which is what browsers and shared caches go by.
  generateEtags: false,
  typedRoutes: false,
  // `npm test` runs `tsc --noEmit` over the whole project first; checking again inside every
  // build (app, browser tests, benchmark) would only cost time.
  typescript: { ignoreBuildErrors: true },
  // `forbidden()` (app/forbidden.tsx): a signed-in user without the role gets a real 403 page.
  experimental: {
    authInterrupts: true,
    // Recap images are up to 10 MB (app/write/actions.ts uploadImageAction); the default action
    // body limit (1 MB) would refuse them before our own size check could say why.
    serverActions: { bodySizeLimit: '11mb' },
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
  async rewrites() {
    return {
      // `/?page=N` is served by the static `/page/N` route, so the home page never
      // has to read searchParams (which would render it on every request).
      // Likewise the other paginated lists: speakers, a category's, an author's and a conference's recaps.
      beforeFiles: [
        { source: '/', has: [pageQuery], destination: '/page/:page' },
        { source: '/speakers', has: [pageQuery], destination: '/speakers/page/:page' },
        { source: '/categories/:name', has: [pageQuery], destination: '/categories/:name/page/:page' },
        { source: '/authors/:handle', has: [pageQuery], destination: '/authors/:handle/page/:page' },
        { source: '/conferences/:slug/recaps', has: [pageQuery], destination: '/conferences/:slug/recaps/page/:page' },
      ],
    };
  },
};

export default nextConfig;
