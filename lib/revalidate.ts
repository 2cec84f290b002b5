import 'server-only';

import { revalidatePath } from 'next/cache';
import { getPathsShowingPost, getPathsShowingTalks, getPathsShowingUser } from '@/db/queries';

/**
 * Reader pages are served from the route cache; after a write, exactly the pages that show what
 * changed are re-rendered on their next request. Call these after the write has committed, and —
 * for a post whose categories, talks or conference change — both before and after the change is
 * read, so pages it left are cleared too (`collectPostPaths` then `revalidatePaths`).
 */
export function revalidatePaths(paths: Iterable<string>) {
  for (const path of new Set(paths)) {
    revalidatePath(path);
    // Paginated lists: their numbered pages (served by `…/page/[n]`) move with the first one.
    if (path === '/speakers') revalidatePath('/speakers/page/[n]', 'page');
    if (/^\/categories\/[^/]+$/.test(path)) revalidatePath('/categories/[name]/page/[n]', 'page');
    if (/^\/authors\/[^/]+$/.test(path)) revalidatePath('/authors/[handle]/page/[n]', 'page');
    if (/^\/conferences\/[^/]+\/recaps$/.test(path)) revalidatePath('/conferences/[slug]/recaps/page/[n]', 'page');
    if (path === '/sitemap.xml') revalidatePath('/sitemaps/[part]', 'page');
  }
}

/** The numbered home pages (`/?page=N` is served by `/page/[n]`) move whenever the post list changes. */
function revalidatePostLists() {
  revalidatePath('/page/[n]', 'page');
}

export function collectPostPaths(postId: number): string[] {
  return getPathsShowingPost({ postId });
}

export function revalidatePost(postId: number, pathsBefore: string[] = []) {
  revalidatePaths([...pathsBefore, ...getPathsShowingPost({ postId })]);
  revalidatePostLists();
}

export function revalidateTalks(talkIds: number[]) {
  revalidatePaths(getPathsShowingTalks({ talkIds }));
}

/** For a name change or an account deletion: collect before a deletion, revalidate after it. */
export function collectUserPaths(userId: number): string[] {
  return getPathsShowingUser({ userId });
}

export function revalidateUserPaths(paths: string[]) {
  revalidatePaths(paths);
  if (paths.includes('/')) revalidatePostLists(); // they had public recaps, which the lists name them on
}
