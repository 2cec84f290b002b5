/**
 * Reads posts for the Jekyll export (`npm run export`, the /write/export download) and turns them
 * into files: `_posts/<date>-<slug>.markdown` plus the images they show under `images/`.
 * An author exports their own posts; an admin (no `authorId`) every post. Deleted posts never.
 *
 * No `server-only`: shared by the CLI and the route handler (see db/import.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { env } from '@/lib/env';
import { exportPost, type ExportPost, type ExportTalk } from '@/lib/jekyll/export';
import { uploadsDir } from '@/lib/render-post';
import type { DB } from './index';
import * as t from './schema';

export type ExportFile = { path: string; data: Uint8Array };

/** Every exportable post of `authorId` (or of everyone), in a fixed number of queries. */
export function getPostsForExport(db: DB, { authorId }: { authorId?: number | null } = {}): ExportPost[] {
  const visible = ne(t.posts.status, 'deleted');
  const rows = db
    .select()
    .from(t.posts)
    .where(authorId ? and(visible, eq(t.posts.authorId, authorId)) : visible)
    .orderBy(asc(t.posts.id))
    .all();
  if (!rows.length) return [];
  const postIds = rows.map((p) => p.id);

  const categoryRows = db
    .select({ postId: t.postCategories.postId, name: t.categories.name })
    .from(t.postCategories)
    .innerJoin(t.categories, eq(t.categories.id, t.postCategories.categoryId))
    .where(inArray(t.postCategories.postId, postIds))
    .orderBy(asc(t.categories.id))
    .all();

  const conferenceIds = [...new Set(rows.map((p) => p.conferenceId).filter((id): id is number => id !== null))];
  const conferenceRows = conferenceIds.length ? db.select().from(t.conferences).where(inArray(t.conferences.id, conferenceIds)).all() : [];
  const dayRows = conferenceIds.length
    ? db.select().from(t.days).where(inArray(t.days.conferenceId, conferenceIds)).orderBy(asc(t.days.number)).all()
    : [];

  const covered = db
    .select({
      postId: t.postTalks.postId,
      note: t.postTalks.noteMarkdown,
      talkId: t.talks.id,
      slug: t.talks.slug,
      title: t.talks.title,
      kind: t.talks.kind,
      talkUrl: t.talks.talkUrl,
      presentationUrl: t.talks.presentationUrl,
      slidesUrl: t.talks.slidesUrl,
      videoUrl: t.talks.videoUrl,
      videoPending: t.talks.videoPending,
      dayNumber: t.days.number,
      dayTheme: t.days.theme,
      trackName: t.tracks.name,
      trackHost: t.tracks.host,
    })
    .from(t.postTalks)
    .innerJoin(t.talks, eq(t.talks.id, t.postTalks.talkId))
    .leftJoin(t.days, eq(t.days.id, t.talks.dayId))
    .leftJoin(t.tracks, eq(t.tracks.id, t.talks.trackId))
    .where(inArray(t.postTalks.postId, postIds))
    .orderBy(asc(t.postTalks.postId), asc(t.postTalks.position))
    .all();
  const talkIds = [...new Set(covered.map((c) => c.talkId))];
  const speakerRows = talkIds.length
    ? db
        .select({ talkId: t.talkSpeakers.talkId, name: t.speakers.name })
        .from(t.talkSpeakers)
        .innerJoin(t.speakers, eq(t.speakers.id, t.talkSpeakers.speakerId))
        .where(inArray(t.talkSpeakers.talkId, talkIds))
        .orderBy(asc(t.talkSpeakers.position))
        .all()
    : [];

  return rows.map((p): ExportPost => {
    const c = conferenceRows.find((x) => x.id === p.conferenceId);
    const talks = covered
      .filter((x) => x.postId === p.id)
      .map(
        (x): ExportTalk => ({
          slug: x.slug,
          title: x.title,
          kind: x.kind,
          talkUrl: x.talkUrl,
          presentationUrl: x.presentationUrl,
          slidesUrl: x.slidesUrl,
          videoUrl: x.videoUrl,
          videoPending: x.videoPending,
          speakers: speakerRows.filter((s) => s.talkId === x.talkId).map((s) => s.name),
          dayNumber: x.dayNumber,
          dayTheme: x.dayTheme,
          trackName: x.trackName,
          trackHost: x.trackHost,
          note: x.note,
        }),
      );
    return {
      // What identifies the post when the file is imported again (into this Hallway or another).
      id: p.id,
      url: p.status === 'published' ? `${env.SITE_URL}/posts/${p.slug}` : null,
      slug: p.slug,
      title: p.title,
      bodyMarkdown: p.bodyMarkdown,
      published: p.status === 'published',
      // A draft has no publication time yet: its written date is when it was created.
      utcMs: p.publishedAt ?? p.createdAt,
      offsetMinutes: p.utcOffsetMinutes,
      commentsEnabled: p.commentsEnabled,
      categories: categoryRows.filter((x) => x.postId === p.id).map((x) => x.name),
      conference: c
        ? {
            slug: c.slug,
            name: c.name,
            city: c.city,
            location: c.location,
            startDate: c.startDate,
            endDate: c.endDate,
            website: c.website,
            timeZone: c.timeZone,
            days: dayRows.filter((d) => d.conferenceId === c.id).map((d) => ({ number: d.number, date: d.date, theme: d.theme })),
          }
        : null,
      talks,
    };
  });
}

/** The files of an export: posts under `_posts/`, their images under `images/`. */
export function buildExport(db: DB, { authorId }: { authorId?: number | null } = {}): { files: ExportFile[]; posts: number; images: number; missing: string[] } {
  const files: ExportFile[] = [];
  const images = new Set<string>();
  const missing: string[] = [];
  const encoder = new TextEncoder();
  const names = new Set<string>();
  for (const post of getPostsForExport(db, { authorId })) {
    const file = exportPost(post);
    // Two posts on one day with one slug cannot happen (slugs are unique), but file systems fold case.
    let name = file.fileName;
    for (let n = 2; names.has(name.toLowerCase()); n++) name = file.fileName.replace(/\.markdown$/, `-${n}.markdown`);
    names.add(name.toLowerCase());
    files.push({ path: `_posts/${name}`, data: encoder.encode(file.content) });
    for (const u of file.uploads) images.add(u);
  }
  for (const name of images) {
    const source = path.join(/*turbopackIgnore: true*/ uploadsDir, name);
    if (fs.existsSync(source)) files.push({ path: `images/${name}`, data: fs.readFileSync(source) });
    else missing.push(name);
  }
  return { files, posts: names.size, images: images.size - missing.length, missing };
}
