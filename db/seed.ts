import { count } from 'drizzle-orm';
import { parseDateWithOffset, zonedTimeToUtc } from '@/lib/dates';
import { renderCommentMarkdown } from '@/lib/markdown';
import { hashPassword } from '@/lib/password';
import { renderNote, renderPostColumns } from '@/lib/render-post';
import { slugify } from '@/lib/slug';
import type { DB } from './index';
import { updateReadingMinutes } from './reading-minutes';
import { demoConferences, type DemoTalk } from './demo/conferences';
import { demoPosts } from './demo/posts';
import * as t from './schema';

export const DEMO_PASSWORD = 'hallway-demo';

export const demoUsers = [
  { key: 'admin', email: 'admin@hallway.test', name: 'Hallway Admin', handle: 'admin', role: 'admin' },
  { key: 'ada', email: 'ada@hallway.test', name: 'Ada Okafor', handle: 'ada', role: 'author' },
  { key: 'ben', email: 'ben@hallway.test', name: 'Ben Lindqvist', handle: 'ben', role: 'author' },
  { key: 'sam', email: 'sam@hallway.test', name: 'Sam Rivera', handle: 'sam', role: 'reader' },
] as const;

/** True when the database holds nothing yet: the only time the demo journal is loaded. */
export function isEmpty(db: DB): boolean {
  const [{ users }] = db.select({ users: count() }).from(t.users).all();
  const [{ posts }] = db.select({ posts: count() }).from(t.posts).all();
  const [{ conferences }] = db.select({ conferences: count() }).from(t.conferences).all();
  return users + posts + conferences === 0;
}

/**
 * Loads the demo journal (accounts, two conferences, recaps) into an empty database, in one
 * transaction. Returns false, writing nothing, when the database already has content.
 */
export async function seedDemoJournal(db: DB): Promise<boolean> {
  if (!isEmpty(db)) return false;
  // Hash outside the transaction: better-sqlite3 transactions must be synchronous.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  db.transaction((tx) => {
    const userIds = new Map<string, number>();
    for (const u of demoUsers) {
      const [row] = tx
        .insert(t.users)
        .values({ email: u.email, name: u.name, handle: u.handle, role: u.role, passwordHash })
        .returning({ id: t.users.id })
        .all();
      userIds.set(u.key, row.id);
    }
    const adminId = userIds.get('admin')!;

    const speakerIds = new Map<string, number>();
    const speakerId = (name: string) => {
      const known = speakerIds.get(name);
      if (known) return known;
      const [row] = tx
        .insert(t.speakers)
        .values({ name, slug: slugify(name) })
        .returning({ id: t.speakers.id })
        .all();
      speakerIds.set(name, row.id);
      return row.id;
    };

    const talkIds = new Map<string, number>();
    for (const c of demoConferences) {
      const [conf] = tx
        .insert(t.conferences)
        .values({
          slug: c.slug,
          name: c.name,
          city: c.city,
          location: c.location,
          startDate: c.startDate,
          endDate: c.endDate,
          website: c.website,
          timeZone: c.timeZone,
          description: c.description,
          createdBy: adminId,
          updatedBy: adminId,
        })
        .returning({ id: t.conferences.id })
        .all();

      for (const d of c.days) {
        const [day] = tx
          .insert(t.days)
          .values({ conferenceId: conf.id, number: d.number, date: d.date, theme: d.theme })
          .returning({ id: t.days.id })
          .all();
        let position = 0;
        const addTalk = (talk: DemoTalk, trackId: number | null) => {
          const [row] = tx
            .insert(t.talks)
            .values({
              conferenceId: conf.id,
              dayId: day.id,
              trackId,
              slug: talk.slug,
              title: talk.title,
              kind: talk.kind ?? 'talk',
              abstract: talk.abstract,
              talkUrl: talk.talkUrl,
              presentationUrl: talk.presentationUrl,
              videoUrl: talk.videoUrl,
              slidesUrl: talk.slidesUrl,
              videoPending: talk.videoPending ?? false,
              startsAt: talk.startTime ? zonedTimeToUtc(d.date, talk.startTime, c.timeZone) : null,
              durationMinutes: talk.durationMinutes,
              room: talk.room,
              position: position++,
              createdBy: adminId,
              updatedBy: adminId,
            })
            .returning({ id: t.talks.id })
            .all();
          talkIds.set(talk.slug, row.id);
          tx.insert(t.talkSpeakers)
            .values(talk.speakers.map((name, i) => ({ talkId: row.id, speakerId: speakerId(name), position: i })))
            .run();
        };
        d.tracks.forEach((track, i) => {
          const [tr] = tx
            .insert(t.tracks)
            .values({ dayId: day.id, name: track.name, host: track.host, position: i })
            .returning({ id: t.tracks.id })
            .all();
          track.talks.forEach((talk) => addTalk(talk, tr.id));
        });
        (d.sessions ?? []).forEach((talk) => addTalk(talk, null));
      }
    }

    const conferenceIds = new Map(
      tx.select({ id: t.conferences.id, slug: t.conferences.slug }).from(t.conferences).all().map((r) => [r.slug, r.id]),
    );
    const categoryIds = new Map<string, number>();
    const categoryId = (name: string) => {
      const known = categoryIds.get(name);
      if (known) return known;
      const [row] = tx
        .insert(t.categories)
        .values({ name, slug: slugify(name) })
        .returning({ id: t.categories.id })
        .all();
      categoryIds.set(name, row.id);
      return row.id;
    };

    for (const p of demoPosts) {
      const when = parseDateWithOffset(p.date);
      if (!when) throw new Error(`Demo post ${p.slug} has an unreadable date: ${p.date}`);
      const [post] = tx
        .insert(t.posts)
        .values({
          slug: p.slug,
          authorId: userIds.get(p.author)!,
          conferenceId: p.conference ? conferenceIds.get(p.conference) : null,
          title: p.title,
          bodyMarkdown: p.body,
          ...renderPostColumns(p.body),
          status: p.status,
          publishedAt: p.status === 'published' ? when.utcMs : null,
          utcOffsetMinutes: when.offsetMinutes,
          commentsEnabled: p.commentsEnabled ?? true,
          createdAt: when.utcMs,
          updatedAt: when.utcMs,
        })
        .returning({ id: t.posts.id })
        .all();
      tx.insert(t.postCategories)
        .values(p.categories.map((name) => ({ postId: post.id, categoryId: categoryId(name) })))
        .run();
      if (p.talks?.length) {
        tx.insert(t.postTalks)
          .values(
            p.talks.map(([slug, note], i) => {
              const talkId = talkIds.get(slug);
              if (!talkId) throw new Error(`Demo post ${p.slug} covers an unknown talk: ${slug}`);
              return { postId: post.id, talkId, position: i, noteMarkdown: note, noteHtml: renderNote(note) };
            }),
          )
          .run();
      }
      updateReadingMinutes(tx, post.id);
      for (const c of p.comments ?? []) {
        const at = (minutes: number) => when.utcMs + minutes * 60_000;
        const [parent] = tx
          .insert(t.comments)
          .values({ postId: post.id, authorId: userIds.get(c.by)!, bodyMarkdown: c.body, bodyHtml: renderCommentMarkdown(c.body), createdAt: at(c.after) })
          .returning({ id: t.comments.id })
          .all();
        for (const r of c.replies ?? []) {
          tx.insert(t.comments)
            .values({ postId: post.id, parentId: parent.id, authorId: userIds.get(r.by)!, bodyMarkdown: r.body, bodyHtml: renderCommentMarkdown(r.body), createdAt: at(r.after) })
            .run();
        }
      }
      if (p.status === 'published') {
        tx.insert(t.postRevisions)
          .values({ postId: post.id, title: p.title, bodyMarkdown: p.body, editorId: userIds.get(p.author)!, createdAt: when.utcMs })
          .run();
      }
    }
  });
  return true;
}
