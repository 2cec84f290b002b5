import Database from 'better-sqlite3';
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { SLUG_PATTERN } from '@/lib/slug';

/**
 * Deleted recaps answer 410 Gone instead of 404, so links and search engines learn the page is
 * gone for good. A page cannot choose that status itself (notFound() is always 404), so this
 * proxy (Next 16's middleware, on Node) looks the slug up before the route cache answers.
 *
 * Kept cheap because it runs in front of every post page, cached ones included: only
 * `/posts/*`, only GET/HEAD, one read-only SQLite connection per process, one prepared
 * statement on indexed columns, no auth. (No next-auth here: see NOTES.md about lazy configs.)
 */
export const config = { matcher: ['/posts/:slug*'] };

type Lookup = { get(slug: string, oldSlug: string): unknown };
let lookup: Lookup | null = null;

function deletedSlugLookup(): Lookup | null {
  if (lookup) return lookup;
  try {
    const sqlite = new Database(env.DATABASE_PATH, { readonly: true, fileMustExist: true });
    sqlite.pragma('busy_timeout = 2000');
    lookup = sqlite.prepare(
      `SELECT 1 FROM posts WHERE slug = ? AND status = 'deleted'
       UNION ALL
       SELECT 1 FROM post_slugs JOIN posts ON posts.id = post_slugs.post_id WHERE post_slugs.slug = ? AND posts.status = 'deleted'
       LIMIT 1`,
    );
  } catch (error) {
    // No database yet (first start) or a schema without these tables: let the page answer.
    console.error('[proxy] cannot read the database for deleted posts', error);
    return null;
  }
  return lookup;
}

export function proxy(request: NextRequest) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
  const segment = request.nextUrl.pathname.split('/')[2];
  if (!segment) return NextResponse.next();
  let slug: string;
  try {
    slug = decodeURIComponent(segment);
  } catch {
    return NextResponse.next();
  }
  // Only well-formed slugs can belong to a post; skip the query for anything else.
  if (slug.length > 200 || !SLUG_PATTERN.test(slug)) return NextResponse.next();
  const found = deletedSlugLookup()?.get(slug, slug);
  if (!found) return NextResponse.next();
  return new NextResponse(request.method === 'HEAD' ? null : GONE_HTML, {
    status: 410,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex',
    },
  });
}

const GONE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>This recap was deleted · Hallway</title>
<style>
  :root { color-scheme: light dark; font-family: ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #fff; color: #292524; }
  main { max-width: 34rem; padding: 2rem; text-align: center; }
  p.code { font-size: .875rem; font-weight: 600; letter-spacing: .05em; text-transform: uppercase; color: #c2410c; }
  h1 { font-size: 1.875rem; margin: .5rem 0 1rem; color: #1c1917; }
  a { display: inline-block; margin-top: 1.5rem; padding: .5rem 1rem; border-radius: .375rem; background: #c2410c; color: #fff; font-weight: 600; text-decoration: none; }
  a:focus-visible { outline: 3px solid #f97316; outline-offset: 2px; }
  @media (prefers-color-scheme: dark) {
    body { background: #0c0a09; color: #d6d3d1; }
    h1 { color: #fff; }
    p.code { color: #fb923c; }
  }
</style>
</head>
<body>
<main>
  <p class="code">410 · Gone</p>
  <h1>This recap was deleted</h1>
  <p>Its author removed it from Hallway, and it is not coming back. Other recaps are waiting on the home page.</p>
  <a href="/">Latest recaps</a>
</main>
</body>
</html>
`;
