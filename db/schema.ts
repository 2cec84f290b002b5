import { relations, sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

/** Milliseconds since the epoch; every timestamp in Hallway is stored this way. */
const timestamp = (name: string) => integer(name, { mode: 'number' });
const createdAt = () => timestamp('created_at').notNull().$defaultFn(() => Date.now());
const updatedAt = () =>
  timestamp('updated_at')
    .notNull()
    .$defaultFn(() => Date.now())
    .$onUpdateFn(() => Date.now());

export const ROLES = ['reader', 'author', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const TALK_KINDS = ['talk', 'keynote', 'panel', 'ama', 'workshop', 'lightning'] as const;
export type TalkKind = (typeof TALK_KINDS)[number];

export const SEEN_HOW = ['room', 'livestream', 'recording'] as const;
export type SeenHow = (typeof SEEN_HOW)[number];

export const POST_STATUSES = ['draft', 'published', 'deleted'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

// ---------------------------------------------------------------- people

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Normalised: trimmed, NFC, lower case. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** Public handle for `/u/[handle]`. */
    handle: text('handle').notNull(),
    role: text('role', { enum: ROLES }).notNull().default('reader'),
    /** argon2id PHC string; null for accounts that only sign in through OAuth. */
    passwordHash: text('password_hash'),
    disabledAt: timestamp('disabled_at'),
    /** Bumped on password change and sign-out-everywhere; sessions carrying an older one are void. */
    sessionVersion: integer('session_version').notNull().default(1),
    journalPublic: integer('journal_public', { mode: 'boolean' }).notNull().default(false),
    /** Secret for the personal calendar feed; reset by the user. */
    calendarToken: text('calendar_token'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_idx').on(t.email),
    uniqueIndex('users_handle_idx').on(t.handle),
    uniqueIndex('users_calendar_token_idx').on(t.calendarToken),
  ],
);

/** OAuth identities linked to a user (GitHub, OIDC). */
export const accounts = sqliteTable(
  'accounts',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.providerAccountId] }),
    index('accounts_user_id_idx').on(t.userId),
  ],
);

/** Failed sign-in attempts, kept in SQLite so a restart does not reset the rate limit. */
export const signInAttempts = sqliteTable(
  'sign_in_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** `email:<normalised email>` or `ip:<address>`. */
    key: text('key').notNull(),
    at: timestamp('at').notNull(),
  },
  (t) => [index('sign_in_attempts_key_at_idx').on(t.key, t.at)],
);

// ------------------------------------------------------------ conferences

export const conferences = sqliteTable(
  'conferences',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    city: text('city'),
    /** Venue or "City, Country" as it should be printed. */
    location: text('location'),
    /** Calendar dates, `YYYY-MM-DD`, in the conference's own time zone. */
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    website: text('website'),
    /** IANA zone, e.g. `Europe/London`. */
    timeZone: text('time_zone').notNull().default('UTC'),
    description: text('description'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('conferences_slug_idx').on(t.slug),
    index('conferences_start_date_idx').on(t.startDate),
    check('conferences_dates_check', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

export const days = sqliteTable(
  'days',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    conferenceId: integer('conference_id')
      .notNull()
      .references(() => conferences.id, { onDelete: 'cascade' }),
    /** 1-based, as in `/conferences/[slug]/days/[n]`. */
    number: integer('number').notNull(),
    date: text('date').notNull(),
    /** Optional theme, e.g. "A bit of everything". */
    theme: text('theme'),
  },
  (t) => [
    uniqueIndex('days_conference_id_number_idx').on(t.conferenceId, t.number),
    check('days_number_check', sql`${t.number} >= 1`),
  ],
);

export const tracks = sqliteTable(
  'tracks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dayId: integer('day_id')
      .notNull()
      .references(() => days.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The track host's name as printed. */
    host: text('host'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('tracks_day_id_idx').on(t.dayId)],
);

export const speakers = sqliteTable(
  'speakers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    bio: text('bio'),
    url: text('url'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('speakers_slug_idx').on(t.slug)],
);

export const talks = sqliteTable(
  'talks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    conferenceId: integer('conference_id')
      .notNull()
      .references(() => conferences.id, { onDelete: 'cascade' }),
    /** Null only for talks not yet placed on a day. */
    dayId: integer('day_id').references(() => days.id, { onDelete: 'set null' }),
    /** Null for sessions outside any track (an AMA, a keynote in the main hall). */
    trackId: integer('track_id').references(() => tracks.id, { onDelete: 'set null' }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    kind: text('kind', { enum: TALK_KINDS }).notNull().default('talk'),
    abstract: text('abstract'),
    /** The conference's own page for the talk. */
    talkUrl: text('talk_url'),
    /** A recording published with its write-up (InfoQ's "Presentation" pages). */
    presentationUrl: text('presentation_url'),
    videoUrl: text('video_url'),
    slidesUrl: text('slides_url'),
    /** "Video (not yet available)": a recording is announced but has no URL yet. */
    videoPending: integer('video_pending', { mode: 'boolean' }).notNull().default(false),
    /** UTC instant the talk starts, when known; ratings open then. */
    startsAt: timestamp('starts_at'),
    durationMinutes: integer('duration_minutes'),
    /** The room's name; the conference's rooms (and their order) are in `rooms`. */
    room: text('room'),
    position: integer('position').notNull().default(0),
    /**
     * The talk's identity in schedule files (frab/pretalx `guid`): kept from an imported file,
     * made up for a talk created here, exported, and matched first on re-import.
     */
    guid: text('guid').$defaultFn(() => globalThis.crypto.randomUUID()),
    /** The imported file's own event id (frab id, Sessionize session id, iCalendar UID). */
    scheduleId: text('schedule_id'),
    // Write-time aggregates, maintained in the same transaction as each rating.
    ratingCount: integer('rating_count').notNull().default(0),
    ratingSum: integer('rating_sum').notNull().default(0),
    attendanceCount: integer('attendance_count').notNull().default(0),
    /** People with the talk on their agenda ("I'm going"), maintained with each plan. */
    goingCount: integer('going_count').notNull().default(0),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('talks_conference_id_slug_idx').on(t.conferenceId, t.slug),
    uniqueIndex('talks_conference_id_guid_idx').on(t.conferenceId, t.guid),
    index('talks_day_id_idx').on(t.dayId),
    index('talks_track_id_idx').on(t.trackId),
    // Covers search's ranking of every match (db/search.ts): the conference without the talk's row.
    index('talks_id_conference_id_idx').on(t.id, t.conferenceId),
    check('talks_rating_count_check', sql`${t.ratingCount} >= 0`),
    check('talks_rating_sum_check', sql`${t.ratingSum} >= 0`),
    check('talks_attendance_count_check', sql`${t.attendanceCount} >= 0`),
    check('talks_going_count_check', sql`${t.goingCount} >= 0`),
  ],
);

/**
 * A conference's rooms, in programme order (the columns of a programme grid). A talk names its
 * room in `talks.room`; this table gives every room of the conference, those without talks
 * too, their order and the schedule file's guid. See docs/decisions/014-schedule-import.md.
 */
export const rooms = sqliteTable(
  'rooms',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    conferenceId: integer('conference_id')
      .notNull()
      .references(() => conferences.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    guid: text('guid').$defaultFn(() => globalThis.crypto.randomUUID()),
  },
  (t) => [uniqueIndex('rooms_conference_id_name_idx').on(t.conferenceId, t.name)],
);

/**
 * Which speaker a schedule file's person id stands for, per conference (the ids are the file
 * publisher's, not global), so a re-import finds the speaker even when the name is spelled anew.
 */
export const schedulePersons = sqliteTable(
  'schedule_persons',
  {
    conferenceId: integer('conference_id')
      .notNull()
      .references(() => conferences.id, { onDelete: 'cascade' }),
    personKey: text('person_key').notNull(),
    speakerId: integer('speaker_id')
      .notNull()
      .references(() => speakers.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.conferenceId, t.personKey] }), index('schedule_persons_speaker_id_idx').on(t.speakerId)],
);

/** Ordered speakers of a talk. */
export const talkSpeakers = sqliteTable(
  'talk_speakers',
  {
    talkId: integer('talk_id')
      .notNull()
      .references(() => talks.id, { onDelete: 'cascade' }),
    speakerId: integer('speaker_id')
      .notNull()
      .references(() => speakers.id, { onDelete: 'restrict' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.talkId, t.speakerId] }),
    index('talk_speakers_speaker_id_idx').on(t.speakerId),
  ],
);

// ------------------------------------------------------------------ posts

export const posts = sqliteTable(
  'posts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    /** Null once the author deleted their account: the post stays, credited to "a former member". */
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    conferenceId: integer('conference_id').references(() => conferences.id, {
      onDelete: 'set null',
    }),
    title: text('title').notNull(),
    /** Markdown exactly as the author wrote it. */
    bodyMarkdown: text('body_markdown').notNull().default(''),
    /** Sanitized HTML rendered at write time: readers never pay for parsing. */
    bodyHtml: text('body_html').notNull().default(''),
    /** Sanitized HTML of the excerpt (before `<!-- more -->`, or a derived summary). */
    excerptHtml: text('excerpt_html').notNull().default(''),
    /** Plain-text summary for meta descriptions and feeds. */
    summary: text('summary').notNull().default(''),
    /** Table of contents, JSON `[{ depth, id, text }]`, rendered at write time. */
    tocJson: text('toc_json').notNull().default('[]'),
    readingMinutes: integer('reading_minutes').notNull().default(1),
    status: text('status', { enum: POST_STATUSES }).notNull().default('draft'),
    /** UTC instant of publication; a future instant on a published post means "scheduled". */
    publishedAt: timestamp('published_at'),
    /** The author's UTC offset in minutes at `publishedAt` (−420 for `-0700`), for printing the date as written. */
    utcOffsetMinutes: integer('utc_offset_minutes').notNull().default(0),
    commentsEnabled: integer('comments_enabled', { mode: 'boolean' }).notNull().default(true),
    commentsLocked: integer('comments_locked', { mode: 'boolean' }).notNull().default(false),
    /** Optimistic concurrency: every save must name the version it started from. */
    version: integer('version').notNull().default(1),
    /** Where an imported post came from (file name), so a re-import updates it. */
    importKey: text('import_key'),
    deletedAt: timestamp('deleted_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('posts_slug_idx').on(t.slug),
    uniqueIndex('posts_import_key_idx').on(t.importKey),
    index('posts_status_published_at_idx').on(t.status, t.publishedAt),
    index('posts_author_id_idx').on(t.authorId),
    index('posts_conference_id_idx').on(t.conferenceId),
    // Covers search's visibility filter on every match (db/search.ts): a post's row carries its whole body.
    index('posts_id_status_published_at_idx').on(t.id, t.status, t.publishedAt),
  ],
);

/** Former slugs of a post, so old links redirect after a rename. */
export const postSlugs = sqliteTable(
  'post_slugs',
  {
    slug: text('slug').primaryKey(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
  },
  (t) => [index('post_slugs_post_id_idx').on(t.postId)],
);

export const postRevisions = sqliteTable(
  'post_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    bodyMarkdown: text('body_markdown').notNull(),
    editorId: integer('editor_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('post_revisions_post_id_idx').on(t.postId)],
);

/**
 * Pending changes to a published post, one per post: the editor's whole document as JSON,
 * autosaved while the author types and loaded back into the editor on the next visit. Readers
 * never see it (no reader query reads this table); "Update" publishes it through the normal save
 * and deletes it in the same transaction. `baseVersion` is the post version it was made from, so
 * a copy older than the post meets the usual version conflict instead of overwriting.
 */
export const postWorkingCopies = sqliteTable('post_working_copies', {
  postId: integer('post_id')
    .primaryKey()
    .references(() => posts.id, { onDelete: 'cascade' }),
  document: text('document').notNull(),
  baseVersion: integer('base_version').notNull(),
  editorId: integer('editor_id').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: updatedAt(),
});

export const categories = sqliteTable(
  'categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('categories_slug_idx').on(t.slug)],
);

export const postCategories = sqliteTable(
  'post_categories',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.categoryId] }),
    index('post_categories_category_id_idx').on(t.categoryId),
  ],
);

/** The talks a recap covers, in the author's order, with the author's note on each. */
export const postTalks = sqliteTable(
  'post_talks',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    talkId: integer('talk_id')
      .notNull()
      .references(() => talks.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    noteMarkdown: text('note_markdown').notNull().default(''),
    noteHtml: text('note_html').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.talkId] }),
    index('post_talks_talk_id_idx').on(t.talkId),
  ],
);

/** Images uploaded by authors, stored under the data folder. */
export const uploads = sqliteTable(
  'uploads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null' }),
    /** Content-addressed file name, e.g. `3f2a….webp`. */
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width'),
    height: integer('height'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('uploads_file_name_idx').on(t.fileName)],
);

// ---------------------------------------------------------------- ratings

export const ratings = sqliteTable(
  'ratings',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    talkId: integer('talk_id')
      .notNull()
      .references(() => talks.id, { onDelete: 'cascade' }),
    /** Optional once "I saw it" is set. */
    stars: integer('stars'),
    review: text('review'),
    seenHow: text('seen_how', { enum: SEEN_HOW }).notNull().default('room'),
    /** The day the person saw it, 'YYYY-MM-DD', when not the talk's own day (a recording watched later). */
    seenOn: text('seen_on'),
    /** Hidden by the recap's author or an admin: off public pages, still counted. */
    hiddenAt: timestamp('hidden_at'),
    /** Excluded by an admin: also left out of the aggregates. */
    excludedAt: timestamp('excluded_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.talkId] }),
    index('ratings_talk_id_idx').on(t.talkId),
    check('ratings_stars_check', sql`${t.stars} IS NULL OR ${t.stars} BETWEEN 1 AND 5`),
    check('ratings_review_check', sql`${t.review} IS NULL OR length(${t.review}) <= 2000`),
  ],
);

// ---------------------------------------------------------------- plans

/** A talk on someone's agenda ("I'm going"), before it happens: one row per person and talk. */
export const plans = sqliteTable(
  'plans',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    talkId: integer('talk_id')
      .notNull()
      .references(() => talks.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.talkId] }), index('plans_talk_id_idx').on(t.talkId)],
);

// --------------------------------------------------------------- comments

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    /** Set on replies; replies are one level deep. */
    parentId: integer('parent_id').references((): AnySQLiteColumn => comments.id, {
      onDelete: 'cascade',
    }),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    bodyMarkdown: text('body_markdown').notNull(),
    bodyHtml: text('body_html').notNull(),
    editedAt: timestamp('edited_at'),
    deletedAt: timestamp('deleted_at'),
    hiddenAt: timestamp('hidden_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('comments_post_id_idx').on(t.postId, t.createdAt),
    index('comments_author_id_idx').on(t.authorId, t.createdAt),
  ],
);

export const commentReports = sqliteTable(
  'comment_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    reporterId: integer('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    resolvedAt: timestamp('resolved_at'),
    resolvedBy: integer('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('comment_reports_comment_id_idx').on(t.commentId)],
);

// ------------------------------------------------------------------ audit

/** Who changed what and when, for conferences, talks and moderation. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** e.g. `talk.update`, `rating.hide`, `user.role`. */
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    /** JSON of the changed fields, before and after. */
    detail: text('detail').notNull().default('{}'),
    at: timestamp('at').notNull().$defaultFn(() => Date.now()),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId)],
);

// -------------------------------------------------------------- relations

export const usersRelations = relations(users, ({ many }) => ({
  posts: many(posts),
  ratings: many(ratings),
}));

export const conferencesRelations = relations(conferences, ({ many }) => ({
  days: many(days),
  talks: many(talks),
  posts: many(posts),
}));

export const daysRelations = relations(days, ({ one, many }) => ({
  conference: one(conferences, { fields: [days.conferenceId], references: [conferences.id] }),
  tracks: many(tracks),
  talks: many(talks),
}));

export const tracksRelations = relations(tracks, ({ one, many }) => ({
  day: one(days, { fields: [tracks.dayId], references: [days.id] }),
  talks: many(talks),
}));

export const talksRelations = relations(talks, ({ one, many }) => ({
  conference: one(conferences, { fields: [talks.conferenceId], references: [conferences.id] }),
  day: one(days, { fields: [talks.dayId], references: [days.id] }),
  track: one(tracks, { fields: [talks.trackId], references: [tracks.id] }),
  speakers: many(talkSpeakers),
  posts: many(postTalks),
  ratings: many(ratings),
}));

export const speakersRelations = relations(speakers, ({ many }) => ({
  talks: many(talkSpeakers),
}));

export const talkSpeakersRelations = relations(talkSpeakers, ({ one }) => ({
  talk: one(talks, { fields: [talkSpeakers.talkId], references: [talks.id] }),
  speaker: one(speakers, { fields: [talkSpeakers.speakerId], references: [speakers.id] }),
}));

export const postsRelations = relations(posts, ({ one, many }) => ({
  author: one(users, { fields: [posts.authorId], references: [users.id] }),
  conference: one(conferences, { fields: [posts.conferenceId], references: [conferences.id] }),
  categories: many(postCategories),
  talks: many(postTalks),
}));

export const categoriesRelations = relations(categories, ({ many }) => ({
  posts: many(postCategories),
}));

export const postCategoriesRelations = relations(postCategories, ({ one }) => ({
  post: one(posts, { fields: [postCategories.postId], references: [posts.id] }),
  category: one(categories, { fields: [postCategories.categoryId], references: [categories.id] }),
}));

export const postTalksRelations = relations(postTalks, ({ one }) => ({
  post: one(posts, { fields: [postTalks.postId], references: [posts.id] }),
  talk: one(talks, { fields: [postTalks.talkId], references: [talks.id] }),
}));

export const ratingsRelations = relations(ratings, ({ one }) => ({
  user: one(users, { fields: [ratings.userId], references: [users.id] }),
  talk: one(talks, { fields: [ratings.talkId], references: [talks.id] }),
}));

export type User = typeof users.$inferSelect;
export type Conference = typeof conferences.$inferSelect;
export type Day = typeof days.$inferSelect;
export type Track = typeof tracks.$inferSelect;
export type Talk = typeof talks.$inferSelect;
export type Speaker = typeof speakers.$inferSelect;
export type Room = typeof rooms.$inferSelect;
export type Post = typeof posts.$inferSelect;
export type Category = typeof categories.$inferSelect;
export type Rating = typeof ratings.$inferSelect;
export type Plan = typeof plans.$inferSelect;
export type Comment = typeof comments.$inferSelect;
