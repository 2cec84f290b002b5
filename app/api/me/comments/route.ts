import type { NextRequest } from 'next/server';
import { getCommentViewer } from '@/db/comments';
import { getCurrentUser } from '@/lib/auth/current-user';
import type { CommentViewer } from '@/lib/comments';

/**
 * `GET /api/me/comments?post=12`: who is reading a post's thread, for its client islands (the post
 * page is cached and shared, so it never reads the session): signed in or not, whether they may
 * moderate, and the hidden comments only they may see. Per user: never cached by anyone.
 */
export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store', Vary: 'Cookie' };

export async function GET(request: NextRequest) {
  const postId = Number(request.nextUrl.searchParams.get('post'));
  const user = await getCurrentUser();
  if (!user) return Response.json({ signedIn: false } satisfies CommentViewer, { headers: PRIVATE });
  const viewer = Number.isInteger(postId) && postId > 0 ? getCommentViewer({ user, postId }) : { canModerate: false, hidden: [] };
  return Response.json({ signedIn: true, userId: user.id, ...viewer } satisfies CommentViewer, { headers: PRIVATE });
}
