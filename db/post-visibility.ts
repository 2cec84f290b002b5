import { and, eq, isNotNull, lte, type SQL } from 'drizzle-orm';
import { postState } from '@/lib/post-rules';
import { posts } from './schema';

/**
 * The one rule for "readers can see this post": published, and its time has come (a later time
 * means "scheduled", which readers get as 404). Everything that hands out something because of a
 * post (a listing, a moderation right, a comment thread) asks this, in SQL or on a row.
 */
export function isPublicPost(now = Date.now()): SQL {
  return and(eq(posts.status, 'published'), isNotNull(posts.publishedAt), lte(posts.publishedAt, now))!;
}

/** The same rule on a row already read (`postState` is the editor's view of the same dates). */
export function isPublicPostRow(row: { status: 'draft' | 'published' | 'deleted'; publishedAt: number | null }, now = Date.now()): boolean {
  return postState(row, now) === 'published';
}
