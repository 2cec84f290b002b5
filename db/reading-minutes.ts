import { eq } from 'drizzle-orm';
import { readingMinutesFor, wordsInHtml } from '@/lib/markdown';
import type { DB } from './index';
import { posts, postTalks } from './schema';

/**
 * A recap's reading time counts its text and its notes on talks: many recaps are mostly notes.
 * Recomputed from the stored HTML (no markdown parsing) after a write changed either, in the
 * writer's transaction.
 */
export function updateReadingMinutes(tx: Pick<DB, 'select' | 'update'>, postId: number) {
  const post = tx.select({ bodyHtml: posts.bodyHtml }).from(posts).where(eq(posts.id, postId)).get();
  if (!post) return;
  const notes = tx.select({ noteHtml: postTalks.noteHtml }).from(postTalks).where(eq(postTalks.postId, postId)).all();
  const words = notes.reduce((sum, n) => sum + wordsInHtml(n.noteHtml), wordsInHtml(post.bodyHtml));
  tx.update(posts).set({ readingMinutes: readingMinutesFor(words) }).where(eq(posts.id, postId)).run();
}
