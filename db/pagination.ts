/**
 * Page sizes of the paginated lists, in one place: the queries page with them, and the front
 * server bounds the numbered pages with them (lib/server/route-guard.ts).
 */
/** Recaps per page on the home page and its numbered pages (`/?page=N`). */
export const POSTS_PER_PAGE = 10;
/** Speakers per page on `/speakers`. */
export const SPEAKERS_PER_PAGE = 300;
/** Recaps per page of a category, and of a conference's full list of recaps. */
export const LIST_POSTS_PER_PAGE = 20;

/** URLs per sitemap file: the protocol allows 50,000; smaller files render in a few milliseconds. */
export const SITEMAP_SIZE = 20_000;

export const pageCountOf = (items: number, perPage: number) => Math.max(1, Math.ceil(items / perPage));
