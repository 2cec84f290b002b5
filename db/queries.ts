import 'server-only';

import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { getCommentCountsByPosts } from './comments';
import { isPublicPost } from './post-visibility';
import { db } from './index';
import { LIST_POSTS_PER_PAGE, POSTS_PER_PAGE, SITEMAP_SIZE, SPEAKERS_PER_PAGE } from './pagination';
import {
  categories,
  comments,
  conferences,
  days,
  postCategories,
  posts,
  postSlugs,
  postTalks,
  ratings,
  rooms,
  speakers,
  talks,
  talkSpeakers,
  tracks,
  users,
} from './schema';


// ------------------------------------------------------------------ posts

export type PostSummary = Awaited<ReturnType<typeof getPublishedPosts>>['posts'][number];

const summaryColumns = {
  id: posts.id,
  slug: posts.slug,
  title: posts.title,
  excerptHtml: posts.excerptHtml,
  summary: posts.summary,
  publishedAt: posts.publishedAt,
  utcOffsetMinutes: posts.utcOffsetMinutes,
  readingMinutes: posts.readingMinutes,
  updatedAt: posts.updatedAt,
  authorName: users.name,
  authorHandle: users.handle,
  conferenceSlug: conferences.slug,
  conferenceName: conferences.name,
  commentsEnabled: posts.commentsEnabled,
};

/** Categories of many posts in one query, keyed by post id. */
function getCategoriesByPostIds(postIds: number[]) {
  const byPost = new Map<number, { slug: string; name: string }[]>();
  if (postIds.length === 0) return byPost;
  const rows = db
    .select({ postId: postCategories.postId, slug: categories.slug, name: categories.name })
    .from(postCategories)
    .innerJoin(categories, eq(categories.id, postCategories.categoryId))
    .where(inArray(postCategories.postId, postIds))
    .orderBy(asc(categories.name))
    .all();
  for (const { postId, ...c } of rows) byPost.set(postId, [...(byPost.get(postId) ?? []), c]);
  return byPost;
}

/** Categories and readable comment counts of listed posts, two queries for the whole list. */
function withCategories<T extends { id: number; publishedAt: number | null }>(rows: T[]) {
  const ids = rows.map((r) => r.id);
  const cats = getCategoriesByPostIds(ids);
  const commentCounts = getCommentCountsByPosts(ids);
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt as number, categories: cats.get(r.id) ?? [], commentCount: commentCounts.get(r.id) ?? 0 }));
}

export function getPublishedPosts({ page = 1, perPage = POSTS_PER_PAGE } = {}) {
  const [{ total }] = db.select({ total: count() }).from(posts).where(isPublicPost()).all();
  const rows = db
    .select(summaryColumns)
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .leftJoin(conferences, eq(conferences.id, posts.conferenceId))
    .where(isPublicPost())
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all();
  return { posts: withCategories(rows), total, pageCount: Math.max(1, Math.ceil(total / perPage)) };
}

/** A category's public posts, newest first, a page at a time; null for an unknown category. */
export function getPostsByCategory({ slug, page = 1, perPage = LIST_POSTS_PER_PAGE }: { slug: string; page?: number; perPage?: number }) {
  const category = db.select().from(categories).where(eq(categories.slug, slug)).get();
  if (!category) return null;
  const inCategory = and(isPublicPost(), eq(postCategories.categoryId, category.id));
  // CROSS JOIN: from the category's rows to their posts, never from every published post.
  const [{ total }] = db.select({ total: count() }).from(postCategories).crossJoin(posts).where(and(eq(posts.id, postCategories.postId), inCategory)).all();
  const rows = db
    .select(summaryColumns)
    .from(postCategories)
    .crossJoin(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .leftJoin(conferences, eq(conferences.id, posts.conferenceId))
    .where(and(eq(posts.id, postCategories.postId), inCategory))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all();
  return { category, posts: withCategories(rows), total, pageCount: Math.max(1, Math.ceil(total / perPage)) };
}

/**
 * The author behind `/authors/[handle]`, or null: only someone with a public recap has a page, so
 * a handle alone (every account has one) reveals nothing.
 */
function getPublicAuthorByHandle({ handle }: { handle: string }) {
  const author = db.select({ id: users.id, name: users.name, handle: users.handle }).from(users).where(eq(users.handle, handle)).get();
  if (!author) return null;
  const [{ total }] = db.select({ total: count() }).from(posts).where(and(eq(posts.authorId, author.id), isPublicPost())).all();
  return total === 0 ? null : { author, total };
}

/** An author's public posts, newest first, a page at a time; null for a handle without any. */
export function getPostsByAuthor({ handle, page = 1, perPage = LIST_POSTS_PER_PAGE }: { handle: string; page?: number; perPage?: number }) {
  const found = getPublicAuthorByHandle({ handle });
  if (!found) return null;
  const rows = db
    .select(summaryColumns)
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .leftJoin(conferences, eq(conferences.id, posts.conferenceId))
    .where(and(eq(posts.authorId, found.author.id), isPublicPost()))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all();
  return { author: { name: found.author.name, handle: found.author.handle }, posts: withCategories(rows), total: found.total, pageCount: Math.max(1, Math.ceil(found.total / perPage)) };
}

export function getPostBySlug({ slug }: { slug: string }) {
  const row = db
    .select({
      ...summaryColumns,
      bodyHtml: posts.bodyHtml,
      tocJson: posts.tocJson,
      commentsLocked: posts.commentsLocked,
      conferenceId: posts.conferenceId,
    })
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .leftJoin(conferences, eq(conferences.id, posts.conferenceId))
    .where(and(isPublicPost(), eq(posts.slug, slug)))
    .get();
  if (!row) return null;
  const [post] = withCategories([row]);
  const covered = db
    .select({ talkId: postTalks.talkId, noteHtml: postTalks.noteHtml })
    .from(postTalks)
    .where(eq(postTalks.postId, post.id))
    .orderBy(asc(postTalks.position))
    .all();
  const talkRows = getTalkCards(covered.map((c) => c.talkId));
  const byId = new Map(talkRows.map((t) => [t.id, t]));
  return {
    ...post,
    toc: JSON.parse(post.tocJson) as { depth: 2 | 3; id: string; text: string }[],
    talks: covered.flatMap((c) => {
      const talk = byId.get(c.talkId);
      return talk ? [{ ...talk, noteHtml: c.noteHtml }] : [];
    }),
  };
}

/** The current slug of a post that was renamed, for redirects from old links. */
export function getCurrentSlugByOldSlug({ slug }: { slug: string }) {
  const row = db
    .select({ slug: posts.slug })
    .from(postSlugs)
    .innerJoin(posts, eq(posts.id, postSlugs.postId))
    .where(and(eq(postSlugs.slug, slug), isPublicPost()))
    .get();
  return row?.slug ?? null;
}

/** Published post slugs for the sitemap and static params. */
export function getPublishedPostSlugs() {
  return db
    .select({ slug: posts.slug, updatedAt: posts.updatedAt })
    .from(posts)
    .where(isPublicPost())
    .orderBy(desc(posts.publishedAt))
    .all();
}

// ------------------------------------------------------------------ talks

/**
 * Everything a talk row shows (speakers, day, track, links, aggregates, covering recaps) for many
 * talks in a fixed number of queries.
 */
export function getTalkCards(talkIds: number[]) {
  if (talkIds.length === 0) return [];
  const rows = db
    .select({
      id: talks.id,
      slug: talks.slug,
      title: talks.title,
      kind: talks.kind,
      abstract: talks.abstract,
      talkUrl: talks.talkUrl,
      presentationUrl: talks.presentationUrl,
      videoUrl: talks.videoUrl,
      slidesUrl: talks.slidesUrl,
      videoPending: talks.videoPending,
      startsAt: talks.startsAt,
      durationMinutes: talks.durationMinutes,
      room: talks.room,
      position: talks.position,
      ratingCount: talks.ratingCount,
      ratingSum: talks.ratingSum,
      attendanceCount: talks.attendanceCount,
      goingCount: talks.goingCount,
      trackId: talks.trackId,
      trackName: tracks.name,
      trackHost: tracks.host,
      trackPosition: tracks.position,
      dayNumber: days.number,
      dayDate: days.date,
      dayTheme: days.theme,
      conferenceSlug: conferences.slug,
      conferenceName: conferences.name,
      timeZone: conferences.timeZone,
    })
    .from(talks)
    .innerJoin(conferences, eq(conferences.id, talks.conferenceId))
    .leftJoin(days, eq(days.id, talks.dayId))
    .leftJoin(tracks, eq(tracks.id, talks.trackId))
    .where(inArray(talks.id, talkIds))
    .all();

  const speakerRows = db
    .select({ talkId: talkSpeakers.talkId, slug: speakers.slug, name: speakers.name })
    // CROSS JOIN keeps talk_speakers the outer loop: from the talks asked for, never every speaker.
    .from(talkSpeakers)
    .crossJoin(speakers)
    .where(and(inArray(talkSpeakers.talkId, talkIds), eq(speakers.id, talkSpeakers.speakerId)))
    .orderBy(asc(talkSpeakers.position))
    .all();
  const recapRows = db
    .select({ talkId: postTalks.talkId, slug: posts.slug, title: posts.title, authorName: users.name })
    // CROSS JOIN fixes the join order: from the talks to their recaps. Left to choose, SQLite may walk
    // every published post by the publication index and probe each one's talks (seconds at 10k posts).
    .from(postTalks)
    .crossJoin(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(and(inArray(postTalks.talkId, talkIds), eq(posts.id, postTalks.postId), isPublicPost()))
    .orderBy(desc(posts.publishedAt))
    .all();

  const group = <R extends { talkId: number }>(list: R[]) => {
    const m = new Map<number, Omit<R, 'talkId'>[]>();
    for (const { talkId, ...rest } of list) m.set(talkId, [...(m.get(talkId) ?? []), rest]);
    return m;
  };
  const speakersByTalk = group(speakerRows);
  const recapsByTalk = group(recapRows);
  return rows.map((r) => ({
    ...r,
    speakers: speakersByTalk.get(r.id) ?? [],
    recaps: recapsByTalk.get(r.id) ?? [],
  }));
}

export type TalkCard = ReturnType<typeof getTalkCards>[number];

export function getTalkBySlug({ conferenceSlug, talkSlug }: { conferenceSlug: string; talkSlug: string }) {
  const row = db
    .select({ id: talks.id })
    .from(talks)
    .innerJoin(conferences, eq(conferences.id, talks.conferenceId))
    .where(and(eq(conferences.slug, conferenceSlug), eq(talks.slug, talkSlug)))
    .get();
  if (!row) return null;
  const [talk] = getTalkCards([row.id]);
  const notes = db
    .select({
      slug: posts.slug,
      title: posts.title,
      authorName: users.name,
      publishedAt: posts.publishedAt,
      utcOffsetMinutes: posts.utcOffsetMinutes,
      noteHtml: postTalks.noteHtml,
    })
    .from(postTalks)
    .crossJoin(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(postTalks.talkId, row.id), eq(posts.id, postTalks.postId), isPublicPost()))
    .orderBy(desc(posts.publishedAt))
    .all();
  return { ...talk, notes };
}

// ------------------------------------------------------------ conferences

/** Every conference with its day and talk counts, newest first (/conferences and /write/conferences). */
export function getConferences() {
  const talkCounts = db
    .select({ conferenceId: talks.conferenceId, talks: count().as('talk_count') })
    .from(talks)
    .groupBy(talks.conferenceId)
    .as('talk_counts');
  const dayCounts = db
    .select({ conferenceId: days.conferenceId, days: count().as('day_count') })
    .from(days)
    .groupBy(days.conferenceId)
    .as('day_counts');
  return db
    .select({
      id: conferences.id,
      slug: conferences.slug,
      name: conferences.name,
      location: conferences.location,
      startDate: conferences.startDate,
      endDate: conferences.endDate,
      description: conferences.description,
      updatedAt: conferences.updatedAt,
      talkCount: sql<number>`coalesce(${talkCounts.talks}, 0)`,
      dayCount: sql<number>`coalesce(${dayCounts.days}, 0)`,
    })
    .from(conferences)
    .leftJoin(talkCounts, eq(talkCounts.conferenceId, conferences.id))
    .leftJoin(dayCounts, eq(dayCounts.conferenceId, conferences.id))
    .orderBy(desc(conferences.startDate), asc(conferences.name))
    .all();
}

export function getConferenceBySlug({ slug }: { slug: string }) {
  const conference = db.select().from(conferences).where(eq(conferences.slug, slug)).get();
  if (!conference) return null;
  const dayRows = db
    .select()
    .from(days)
    .where(eq(days.conferenceId, conference.id))
    .orderBy(asc(days.number))
    .all();
  const trackRows = dayRows.length
    ? db
        .select()
        .from(tracks)
        .where(inArray(tracks.dayId, dayRows.map((d) => d.id)))
        .orderBy(asc(tracks.position))
        .all()
    : [];
  const talkCounts = db
    .select({ dayId: talks.dayId, n: count() })
    .from(talks)
    .where(eq(talks.conferenceId, conference.id))
    .groupBy(talks.dayId)
    .all();
  const recaps = getRecapsByConferenceId({ conferenceId: conference.id, page: 1, perPage: CONFERENCE_PAGE_RECAPS });
  // Only what the rankings need: a conference's talks are ranked here, and only the winners shown.
  const rankable = db
    .select({
      id: talks.id,
      slug: talks.slug,
      title: talks.title,
      conferenceSlug: sql<string>`${conference.slug}`,
      dayNumber: days.number,
      ratingCount: talks.ratingCount,
      ratingSum: talks.ratingSum,
      attendanceCount: talks.attendanceCount,
      goingCount: talks.goingCount,
    })
    .from(talks)
    .leftJoin(days, eq(days.id, talks.dayId))
    .where(eq(talks.conferenceId, conference.id))
    .all();
  return {
    conference,
    days: dayRows.map((d) => ({
      ...d,
      tracks: trackRows.filter((t) => t.dayId === d.id),
      talkCount: talkCounts.find((c) => c.dayId === d.id)?.n ?? 0,
    })),
    recaps: recaps.posts,
    recapCount: recaps.total,
    rankable,
  };
}

/** The conference page shows its latest recaps; all of them are on `/conferences/[slug]/recaps`. */
export const CONFERENCE_PAGE_RECAPS = 10;

function getRecapsByConferenceId({ conferenceId, page, perPage }: { conferenceId: number; page: number; perPage: number }) {
  const where = and(isPublicPost(), eq(posts.conferenceId, conferenceId));
  const [{ total }] = db.select({ total: count() }).from(posts).where(where).all();
  const rows = db
    .select(summaryColumns)
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .leftJoin(conferences, eq(conferences.id, posts.conferenceId))
    .where(where)
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all();
  return { posts: withCategories(rows), total, pageCount: Math.max(1, Math.ceil(total / perPage)) };
}

/** Every public recap of a conference, newest first, a page at a time; null for an unknown conference. */
export function getRecapsByConference({ slug, page = 1 }: { slug: string; page?: number }) {
  const conference = db.select({ id: conferences.id, slug: conferences.slug, name: conferences.name }).from(conferences).where(eq(conferences.slug, slug)).get();
  if (!conference) return null;
  return { conference, ...getRecapsByConferenceId({ conferenceId: conference.id, page, perPage: LIST_POSTS_PER_PAGE }) };
}

export type RankableTalk = NonNullable<ReturnType<typeof getConferenceBySlug>>['rankable'][number];

/** Every talk of a conference, in full (its calendar). */
export function getTalkCardsByConference({ conferenceId }: { conferenceId: number }) {
  const ids = db.select({ id: talks.id }).from(talks).where(eq(talks.conferenceId, conferenceId)).all();
  return getTalkCards(ids.map((t) => t.id));
}

export type DayProgramme = NonNullable<ReturnType<typeof getDayProgramme>>;

/** One day of a conference: its tracks in order, each with its talks, plus sessions outside tracks, and the conference's rooms. */
export function getDayProgramme({ conferenceSlug, number }: { conferenceSlug: string; number: number }) {
  const conference = db.select().from(conferences).where(eq(conferences.slug, conferenceSlug)).get();
  if (!conference) return null;
  const allDays = db
    .select({ number: days.number, date: days.date, theme: days.theme, id: days.id })
    .from(days)
    .where(eq(days.conferenceId, conference.id))
    .orderBy(asc(days.number))
    .all();
  const day = allDays.find((d) => d.number === number);
  if (!day) return null;
  const dayTracks = db.select().from(tracks).where(eq(tracks.dayId, day.id)).orderBy(asc(tracks.position)).all();
  const ids = db.select({ id: talks.id }).from(talks).where(eq(talks.dayId, day.id)).all();
  const cards = getTalkCards(ids.map((t) => t.id)).sort(
    (a, b) => (a.startsAt ?? Infinity) - (b.startsAt ?? Infinity) || a.position - b.position,
  );
  const roomOrder = db.select({ name: rooms.name }).from(rooms).where(eq(rooms.conferenceId, conference.id)).orderBy(asc(rooms.position), asc(rooms.id)).all();
  return {
    conference,
    day,
    days: allDays,
    /** The conference's room names in its own order (the grid's columns). */
    rooms: roomOrder.map((r) => r.name),
    tracks: dayTracks.map((t) => ({ ...t, talks: cards.filter((c) => c.trackId === t.id) })),
    sessions: cards.filter((c) => c.trackId === null),
  };
}

// --------------------------------------------------------------- speakers

export function getSpeakerBySlug({ slug }: { slug: string }) {
  const speaker = db.select().from(speakers).where(eq(speakers.slug, slug)).get();
  if (!speaker) return null;
  const ids = db
    .select({ talkId: talkSpeakers.talkId })
    .from(talkSpeakers)
    .where(eq(talkSpeakers.speakerId, speaker.id))
    .all();
  const cards = getTalkCards(ids.map((r) => r.talkId)).sort(
    (a, b) => (b.dayDate ?? '').localeCompare(a.dayDate ?? '') || a.position - b.position,
  );
  return { speaker, talks: cards, hostedTracks: getTracksHostedBy({ name: speaker.name }) };
}

/** Tracks whose host is printed as this name, by date: what a speaker page lists as "Tracks hosted". */
function getTracksHostedBy({ name }: { name: string }) {
  return db
    .select({
      id: tracks.id,
      name: tracks.name,
      dayNumber: days.number,
      dayDate: days.date,
      conferenceSlug: conferences.slug,
      conferenceName: conferences.name,
    })
    .from(tracks)
    .innerJoin(days, eq(days.id, tracks.dayId))
    .innerJoin(conferences, eq(conferences.id, days.conferenceId))
    .where(eq(tracks.host, name))
    .orderBy(desc(days.date), asc(tracks.position))
    .all();
}

/** Speakers by name, a page at a time, each with the number of talks they gave. */
export function getSpeakers({ page = 1, perPage = SPEAKERS_PER_PAGE }: { page?: number; perPage?: number } = {}) {
  const [{ total }] = db.select({ total: count() }).from(speakers).all();
  const rows = db
    .select({ id: speakers.id, slug: speakers.slug, name: speakers.name })
    .from(speakers)
    .orderBy(asc(speakers.name), asc(speakers.id))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all();
  const counts = new Map(
    db
      .select({ speakerId: talkSpeakers.speakerId, n: count() })
      .from(talkSpeakers)
      .where(inArray(talkSpeakers.speakerId, rows.map((r) => r.id)))
      .groupBy(talkSpeakers.speakerId)
      .all()
      .map((c) => [c.speakerId, c.n]),
  );
  return {
    speakers: rows.map(({ id, ...r }) => ({ ...r, talkCount: counts.get(id) ?? 0 })),
    total,
    pageCount: Math.max(1, Math.ceil(total / perPage)),
  };
}

export function getCategories() {
  return db
    .select({ slug: categories.slug, name: categories.name, postCount: count(posts.id) })
    .from(categories)
    .innerJoin(postCategories, eq(postCategories.categoryId, categories.id))
    .innerJoin(posts, and(eq(posts.id, postCategories.postId), isPublicPost()))
    .groupBy(categories.id)
    .orderBy(asc(categories.name))
    .all();
}

// ----------------------------------------------------------- revalidation

/** Reader pages that show a talk: its page, its day list, its conference, its speakers, and recaps covering it. */
export function getPathsShowingTalks({ talkIds }: { talkIds: number[] }): string[] {
  if (talkIds.length === 0) return [];
  const paths = new Set<string>();
  for (const t of getTalkCards(talkIds)) {
    const conf = `/conferences/${t.conferenceSlug}`;
    paths.add(conf).add(`${conf}/talks/${t.slug}`);
    if (t.dayNumber) paths.add(`${conf}/days/${t.dayNumber}`);
    for (const s of t.speakers) paths.add(`/speakers/${s.slug}`);
    for (const r of t.recaps) paths.add(`/posts/${r.slug}`);
  }
  return [...paths];
}

/**
 * Reader pages that show a post (whatever its state, so unpublishing clears it too): the lists, its
 * page, its author's page, its categories, its conference, and every talk, day and speaker page its
 * talks appear on.
 */
export function getPathsShowingPost({ postId }: { postId: number }): string[] {
  return getPathsShowingPosts({ postIds: [postId] });
}

/** `getPathsShowingPost` for many posts at once, in a fixed number of queries. */
function getPathsShowingPosts({ postIds }: { postIds: number[] }): string[] {
  if (postIds.length === 0) return [];
  const found = db
    .select({ slug: posts.slug, conferenceSlug: conferences.slug, authorHandle: users.handle })
    .from(posts)
    .leftJoin(conferences, eq(conferences.id, posts.conferenceId))
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(inArray(posts.id, postIds))
    .all();
  if (found.length === 0) return [];
  // The social image is cached like the page, so it goes with it (an unpublished recap's image must 404 too).
  const postPaths = (slug: string) => [`/posts/${slug}`, `/posts/${slug}/opengraph-image`];
  const paths = new Set<string>(['/', '/conferences', '/feed.xml', '/feed.json', '/sitemap.xml']);
  for (const post of found) {
    for (const path of postPaths(post.slug)) paths.add(path);
    if (post.authorHandle) paths.add(`/authors/${post.authorHandle}`).add(`/authors/${post.authorHandle}/feed.xml`);
    if (post.conferenceSlug) {
      paths.add(`/conferences/${post.conferenceSlug}`).add(`/conferences/${post.conferenceSlug}/recaps`).add(`/conferences/${post.conferenceSlug}/feed.xml`);
    }
  }
  const oldSlugs = db.select({ slug: postSlugs.slug }).from(postSlugs).where(inArray(postSlugs.postId, postIds)).all();
  for (const { slug } of oldSlugs) for (const path of postPaths(slug)) paths.add(path);
  const cats = db
    .selectDistinct({ slug: categories.slug })
    .from(postCategories)
    .innerJoin(categories, eq(categories.id, postCategories.categoryId))
    .where(inArray(postCategories.postId, postIds))
    .all();
  for (const c of cats) paths.add(`/categories/${c.slug}`).add(`/categories/${c.slug}/feed.xml`);
  const talkIds = db.selectDistinct({ id: postTalks.talkId }).from(postTalks).where(inArray(postTalks.postId, postIds)).all();
  for (const p of getPathsShowingTalks({ talkIds: talkIds.map((t) => t.id) })) paths.add(p);
  return [...paths];
}

/**
 * Reader pages that show something of a user's, by name or in a number: their public recaps (and
 * every page those are on), the talks they rated (their reviews, the averages), the recaps they
 * commented on, and their public journal. What a name change or an account deletion must refresh;
 * read it before a deletion, while the rows still say what was theirs.
 */
export function getPathsShowingUser({ userId }: { userId: number }): string[] {
  const user = db.select({ handle: users.handle }).from(users).where(eq(users.id, userId)).get();
  if (!user) return [];
  const paths = new Set<string>([`/u/${user.handle}`]);
  const postIds = db.select({ id: posts.id }).from(posts).where(and(eq(posts.authorId, userId), isPublicPost())).all();
  for (const p of getPathsShowingPosts({ postIds: postIds.map((r) => r.id) })) paths.add(p);
  const talkIds = db.select({ id: ratings.talkId }).from(ratings).where(eq(ratings.userId, userId)).all();
  for (const p of getPathsShowingTalks({ talkIds: talkIds.map((r) => r.id) })) paths.add(p);
  const commented = db
    .selectDistinct({ slug: posts.slug })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(eq(comments.authorId, userId))
    .all();
  for (const { slug } of commented) paths.add(`/posts/${slug}`);
  return [...paths];
}

// ------------------------------------------------------- feeds, sitemap, calendars

const FEED_SIZE = 20;

/** The latest public posts with their full bodies, for the Atom and JSON feeds. */
function getFeedPostRows({ where, limit }: { where?: Parameters<typeof and>[number]; limit: number }) {
  const rows = db
    .select({
      ...summaryColumns,
      bodyHtml: posts.bodyHtml,
    })
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .leftJoin(conferences, eq(conferences.id, posts.conferenceId))
    .where(where ? and(isPublicPost(), where) : isPublicPost())
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(limit)
    .all();
  return withCategories(rows);
}

export type FeedPost = ReturnType<typeof getFeedPostRows>[number];

export function getFeedPosts({ limit = FEED_SIZE } = {}) {
  return getFeedPostRows({ limit });
}

/** Null for an unknown category; a known one with no public posts gives an empty list. */
export function getFeedPostsByCategory({ slug, limit = FEED_SIZE }: { slug: string; limit?: number }) {
  const category = db.select().from(categories).where(eq(categories.slug, slug)).get();
  if (!category) return null;
  const inCategory = inArray(
    posts.id,
    db.select({ id: postCategories.postId }).from(postCategories).where(eq(postCategories.categoryId, category.id)),
  );
  return { category, posts: getFeedPostRows({ where: inCategory, limit }) };
}

export function getFeedPostsByConference({ slug, limit = FEED_SIZE }: { slug: string; limit?: number }) {
  const conference = db.select().from(conferences).where(eq(conferences.slug, slug)).get();
  if (!conference) return null;
  return { conference, posts: getFeedPostRows({ where: eq(posts.conferenceId, conference.id), limit }) };
}

/** Null for a handle without public posts, like the author page. */
export function getFeedPostsByAuthor({ handle, limit = FEED_SIZE }: { handle: string; limit?: number }) {
  const found = getPublicAuthorByHandle({ handle });
  if (!found) return null;
  return { author: { name: found.author.name, handle: found.author.handle }, posts: getFeedPostRows({ where: eq(posts.authorId, found.author.id), limit }) };
}

export type SitemapEntry = { path: string; updatedAt: number };
export type SitemapSection = 'pages' | 'posts' | 'talks' | 'speakers';

/** The sitemap files there are: the fixed pages, then posts, talks and speakers in numbered parts. */
export function getSitemapParts(): { section: SitemapSection; part: number }[] {
  const [{ posts: postCount }] = db.select({ posts: count() }).from(posts).where(isPublicPost()).all();
  const [{ talks: talkCount }] = db.select({ talks: count() }).from(talks).all();
  const [{ speakers: speakerCount }] = db.select({ speakers: count() }).from(speakers).all();
  const parts = (section: SitemapSection, n: number) => Array.from({ length: Math.ceil(n / SITEMAP_SIZE) }, (_, part) => ({ section, part }));
  return [{ section: 'pages', part: 0 }, ...parts('posts', postCount), ...parts('talks', talkCount), ...parts('speakers', speakerCount)];
}

/**
 * One sitemap file's entries with their last change, or null past the last part. `pages`: the
 * home page, the indexes, conferences with their days, and categories with public posts.
 */
export function getSitemapEntries({ section, part }: { section: SitemapSection; part: number }): SitemapEntry[] | null {
  const window = { limit: SITEMAP_SIZE, offset: part * SITEMAP_SIZE };
  if (section === 'pages') return part === 0 ? getSitemapPages() : null;
  let rows: SitemapEntry[];
  if (section === 'posts') {
    rows = db
      .select({ path: sql<string>`'/posts/' || ${posts.slug}`, updatedAt: sql<number>`max(${posts.updatedAt}, coalesce(${posts.publishedAt}, 0))` })
      .from(posts)
      .where(isPublicPost())
      .orderBy(asc(posts.id))
      .limit(window.limit)
      .offset(window.offset)
      .all();
  } else if (section === 'talks') {
    rows = db
      .select({ path: sql<string>`'/conferences/' || ${conferences.slug} || '/talks/' || ${talks.slug}`, updatedAt: talks.updatedAt })
      .from(talks)
      .innerJoin(conferences, eq(conferences.id, talks.conferenceId))
      .orderBy(asc(talks.id))
      .limit(window.limit)
      .offset(window.offset)
      .all();
  } else {
    // A speaker page changes when one of their talks does.
    const page = db.select({ id: speakers.id }).from(speakers).orderBy(asc(speakers.id)).limit(window.limit).offset(window.offset);
    rows = db
      .select({
        path: sql<string>`'/speakers/' || ${speakers.slug}`,
        updatedAt: sql<number>`max(${speakers.createdAt}, coalesce(max(${talks.updatedAt}), 0))`,
      })
      .from(speakers)
      .leftJoin(talkSpeakers, eq(talkSpeakers.speakerId, speakers.id))
      .leftJoin(talks, eq(talks.id, talkSpeakers.talkId))
      .where(inArray(speakers.id, page))
      .groupBy(speakers.id)
      .orderBy(asc(speakers.id))
      .all();
  }
  return rows.length === 0 && part > 0 ? null : rows;
}

function getSitemapPages(): SitemapEntry[] {
  const postTimes = db
    .select({ latest: sql<number | null>`max(max(${posts.updatedAt}, coalesce(${posts.publishedAt}, 0)))` })
    .from(posts)
    .where(isPublicPost())
    .get();
  const conferenceRows = db
    .select({ id: conferences.id, slug: conferences.slug, updatedAt: conferences.updatedAt })
    .from(conferences)
    .orderBy(desc(conferences.startDate))
    .all();
  // A day page changes when its conference or one of its talks does.
  const dayRows = db
    .select({
      path: sql<string>`'/conferences/' || ${conferences.slug} || '/days/' || ${days.number}`,
      updatedAt: sql<number>`max(${conferences.updatedAt}, coalesce(max(${talks.updatedAt}), 0))`,
    })
    .from(days)
    .innerJoin(conferences, eq(conferences.id, days.conferenceId))
    .leftJoin(talks, eq(talks.dayId, days.id))
    .groupBy(days.id)
    .orderBy(asc(conferences.slug), asc(days.number))
    .all();
  const categoryRows = db
    .select({ path: sql<string>`'/categories/' || ${categories.slug}`, updatedAt: sql<number>`max(${posts.updatedAt})` })
    .from(categories)
    .innerJoin(postCategories, eq(postCategories.categoryId, categories.id))
    .innerJoin(posts, and(eq(posts.id, postCategories.postId), isPublicPost()))
    .groupBy(categories.id)
    .orderBy(asc(categories.slug))
    .all();
  const latestSpeaker = db.select({ at: sql<number | null>`max(${speakers.createdAt})` }).from(speakers).get();
  const latestConference = Math.max(0, ...conferenceRows.map((c) => c.updatedAt));
  return [
    { path: '/', updatedAt: postTimes?.latest ?? 0 },
    { path: '/conferences', updatedAt: latestConference },
    { path: '/speakers', updatedAt: latestSpeaker?.at ?? 0 },
    ...conferenceRows.map((c) => ({ path: `/conferences/${c.slug}`, updatedAt: c.updatedAt })),
    ...dayRows,
    ...categoryRows,
  ];
}
