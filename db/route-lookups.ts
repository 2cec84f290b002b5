/**
 * Existence checks for the slugs in reader URLs, run by the front server (lib/server/route-guard.ts)
 * before Next's route cache sees a request. Each is one indexed lookup on a read-only connection of
 * its own: cheap enough to run in front of every cached page. Nothing of lib/env or db/index is
 * loaded here (the front server runs outside the app's bundle).
 */
import Database from 'better-sqlite3';
import { LIST_POSTS_PER_PAGE, pageCountOf, POSTS_PER_PAGE, SITEMAP_SIZE, SPEAKERS_PER_PAGE } from './pagination';

export type PostSlugState = 'live' | 'deleted' | null;

export type RouteLookups = {
  /** A post under this slug, or under a former slug of it: deleted ones say so; drafts count as live. */
  postSlugState(slug: string): PostSlugState;
  categoryExists(slug: string): boolean;
  conferenceExists(slug: string): boolean;
  dayExists(conferenceSlug: string, number: number): boolean;
  talkExists(conferenceSlug: string, talkSlug: string): boolean;
  speakerExists(slug: string): boolean;
  /** An account under this handle with a post of any status (readers see only public ones). */
  authorExists(handle: string): boolean;
  /** How many numbered home pages there can be, counting every post whatever its status (an upper bound). */
  homePageCount(): number;
  speakerPageCount(): number;
  /** Upper bounds likewise (every post of the category or conference, whatever its status). */
  categoryPageCount(slug: string): number;
  conferenceRecapPageCount(slug: string): number;
  authorPageCount(handle: string): number;
  /** How many files a sitemap section can have (`pages` has one). */
  sitemapPartCount(section: 'pages' | 'posts' | 'talks' | 'speakers'): number;
};

export function openRouteLookups(file: string): RouteLookups {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 2000');
  const post = sqlite.prepare<[string, string], { status: string }>(
    `SELECT status FROM posts WHERE slug = ?
     UNION ALL
     SELECT posts.status FROM post_slugs JOIN posts ON posts.id = post_slugs.post_id WHERE post_slugs.slug = ?
     LIMIT 1`,
  );
  const category = sqlite.prepare<[string]>('SELECT 1 FROM categories WHERE slug = ?').pluck();
  const conference = sqlite.prepare<[string]>('SELECT 1 FROM conferences WHERE slug = ?').pluck();
  const day = sqlite
    .prepare<[string, number]>('SELECT 1 FROM days JOIN conferences ON conferences.id = days.conference_id WHERE conferences.slug = ? AND days.number = ?')
    .pluck();
  const talk = sqlite
    .prepare<[string, string]>('SELECT 1 FROM talks JOIN conferences ON conferences.id = talks.conference_id WHERE conferences.slug = ? AND talks.slug = ?')
    .pluck();
  const speaker = sqlite.prepare<[string]>('SELECT 1 FROM speakers WHERE slug = ?').pluck();
  const author = sqlite.prepare<[string]>('SELECT 1 FROM users WHERE handle = ? AND EXISTS (SELECT 1 FROM posts WHERE posts.author_id = users.id)').pluck();
  const authorPosts = sqlite.prepare<[string]>('SELECT count(*) FROM posts JOIN users ON users.id = posts.author_id WHERE users.handle = ?').pluck();
  const posts = sqlite.prepare<[]>('SELECT count(*) FROM posts').pluck();
  const speakerCount = sqlite.prepare<[]>('SELECT count(*) FROM speakers').pluck();
  const talkCount = sqlite.prepare<[]>('SELECT count(*) FROM talks').pluck();
  const categoryPosts = sqlite
    .prepare<[string]>('SELECT count(*) FROM post_categories JOIN categories ON categories.id = post_categories.category_id WHERE categories.slug = ?')
    .pluck();
  const conferencePosts = sqlite
    .prepare<[string]>('SELECT count(*) FROM posts JOIN conferences ON conferences.id = posts.conference_id WHERE conferences.slug = ?')
    .pluck();

  return {
    postSlugState(slug) {
      const row = post.get(slug, slug);
      if (!row) return null;
      return row.status === 'deleted' ? 'deleted' : 'live';
    },
    categoryExists: (slug) => category.get(slug) !== undefined,
    conferenceExists: (slug) => conference.get(slug) !== undefined,
    dayExists: (conferenceSlug, number) => day.get(conferenceSlug, number) !== undefined,
    talkExists: (conferenceSlug, talkSlug) => talk.get(conferenceSlug, talkSlug) !== undefined,
    speakerExists: (slug) => speaker.get(slug) !== undefined,
    authorExists: (handle) => author.get(handle) !== undefined,
    homePageCount: () => pageCountOf(posts.get() as number, POSTS_PER_PAGE),
    speakerPageCount: () => pageCountOf(speakerCount.get() as number, SPEAKERS_PER_PAGE),
    categoryPageCount: (slug) => pageCountOf(categoryPosts.get(slug) as number, LIST_POSTS_PER_PAGE),
    conferenceRecapPageCount: (slug) => pageCountOf(conferencePosts.get(slug) as number, LIST_POSTS_PER_PAGE),
    authorPageCount: (handle) => pageCountOf(authorPosts.get(handle) as number, LIST_POSTS_PER_PAGE),
    sitemapPartCount: (section) =>
      section === 'pages' ? 1 : pageCountOf((section === 'posts' ? posts : section === 'talks' ? talkCount : speakerCount).get() as number, SITEMAP_SIZE),
  };
}
