import type { NextConfig } from 'next';

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

const nextConfig: NextConfig = {
  // Tests and benchmarks build into their own folder so their writes never reach the
  // route cache of the journal a person runs with `npm start`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
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
      beforeFiles: [
        {
          source: '/',
          has: [{ type: 'query', key: 'page', value: '(?<page>\\d{1,6})' }],
          destination: '/page/:page',
        },
      ],
    };
  },
};

export default nextConfig;
