import { isSameOrigin } from '@/lib/action';
import { getCurrentUser, hasRole } from '@/lib/auth/current-user';
import { renderPostOffThread } from '@/lib/render-off-thread';

/**
 * The editor's live preview: markdown in, the HTML readers would get out, through the very same
 * sanitizing pipeline (lib/markdown.ts via lib/render-post.ts), off the request thread. A route handler rather than a
 * server action because it is a read that fires while typing: Next runs a page's server actions
 * one at a time, and previews must never queue behind (or delay) an autosave.
 *
 * Same guards as the action wrapper: same-origin POST, signed-in author or admin.
 */
export const dynamic = 'force-dynamic';

const MAX_MARKDOWN = 200_000;

export async function POST(request: Request) {
  if (!isSameOrigin(request.headers)) return Response.json({ error: 'This request did not come from this site.' }, { status: 403 });
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'Your session has ended: sign in again.' }, { status: 401 });
  if (!hasRole(user, 'author')) return Response.json({ error: 'Only authors can preview recaps.' }, { status: 403 });

  let markdown: unknown;
  try {
    ({ markdown } = (await request.json()) as { markdown?: unknown });
  } catch {
    return Response.json({ error: 'Send JSON: { "markdown": "…" }.' }, { status: 400 });
  }
  if (typeof markdown !== 'string') return Response.json({ error: 'Send JSON: { "markdown": "…" }.' }, { status: 400 });
  if (markdown.length > MAX_MARKDOWN) return Response.json({ error: 'Too long to preview.' }, { status: 413 });

  const rendered = await renderPostOffThread(markdown);
  if (!rendered.ok) return Response.json({ error: rendered.message }, { status: 422, headers: { 'Cache-Control': 'no-store' } });
  const { bodyHtml, readingMinutes } = rendered.columns;
  return Response.json({ html: bodyHtml, readingMinutes }, { headers: { 'Cache-Control': 'no-store' } });
}
