import type Database from 'better-sqlite3';

/**
 * Grows a journal to the size of a real multi-year one, for benchmarks and query-plan checks:
 * conferences × days × talks, speakers, published recaps covering talks, readers, their ratings
 * and their agendas. Everything is bulk SQL in one transaction, written through the schema's own triggers
 * (so the search index follows) with the rating aggregates and going counts recomputed at the
 * end, as the app keeps them. The demo journal already in the file is left as it is.
 */
export type GrowSize = {
  conferences: number;
  daysPerConference: number;
  talksPerDay: number;
  roomsPerDay: number;
  speakers: number;
  recaps: number;
  talksPerRecap: number;
  readers: number;
  ratingsPerReader: number;
  /** One reader with this many ratings: the heavy journal. */
  heavyReaderRatings: number;
  /** Talks on each reader's agenda ("I'm going"). */
  plansPerReader: number;
};

/** 100 conferences × 5 days × 200 talks, 20k speakers, 10k recaps, 50k readers × 20 ratings. */
export const FULL_SIZE: GrowSize = {
  conferences: 100,
  daysPerConference: 5,
  talksPerDay: 200,
  roomsPerDay: 8,
  speakers: 20_000,
  recaps: 10_000,
  talksPerRecap: 10,
  readers: 50_000,
  ratingsPerReader: 20,
  heavyReaderRatings: 500,
  plansPerReader: 10,
};

/** The same shape at a fraction of the rows (at least one of everything). */
export function scaledSize(fraction: number): GrowSize {
  const s = (n: number) => Math.max(1, Math.round(n * fraction));
  return {
    ...FULL_SIZE,
    conferences: s(FULL_SIZE.conferences),
    speakers: s(FULL_SIZE.speakers),
    recaps: s(FULL_SIZE.recaps),
    readers: s(FULL_SIZE.readers),
  };
}

/** Handles and slugs of grown rows start with this, so they never meet the demo journal's. */
export const GROWN = 'grown';
export const HEAVY_READER_EMAIL = `${GROWN}-heavy@example.com`;

// Words the titles and bodies are made of; "stream" among them, so searches find a share of rows.
const WORDS = [
  'stream', 'event', 'kafka', 'latency', 'observability', 'platform', 'serverless', 'kubernetes',
  'design', 'culture', 'testing', 'rust', 'security', 'data', 'mesh', 'resilience', 'scale',
  'frontend', 'graph', 'cache', 'migration', 'monolith', 'teams', 'incident', 'postgres',
];
const FIRST = ['Ada', 'Grace', 'Linus', 'Barbara', 'Ken', 'Margaret', 'Donald', 'Frances', 'Edsger', 'Radia'];
const LAST = ['Lovelace', 'Hopper', 'Torvalds', 'Liskov', 'Thompson', 'Hamilton', 'Knuth', 'Allen', 'Dijkstra', 'Perlman'];

/** `word(expr, k)`: an SQL expression picking a word from WORDS by an integer expression. */
function wordSql(expr: string, k: number): string {
  const cases = WORDS.map((w, i) => `WHEN ${i} THEN '${w}'`).join(' ');
  return `(CASE ((${expr}) * ${2 * k + 7} + ${k}) % ${WORDS.length} ${cases} END)`;
}
function nameSql(list: string[], expr: string): string {
  return `(CASE (${expr}) % ${list.length} ${list.map((w, i) => `WHEN ${i} THEN '${w}'`).join(' ')} END)`;
}

const seq = (name: string, count: number) =>
  `WITH RECURSIVE ${name}(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM ${name} WHERE n < ${count})`;

export function growDatabase(sqlite: Database.Database, size: GrowSize = FULL_SIZE): void {
  const now = Date.now();
  const day = 86_400_000;
  const talkCount = size.conferences * size.daysPerConference * size.talksPerDay;
  const grow = sqlite.transaction(() => {
    // Conferences, one a month going back in time, each `daysPerConference` long.
    sqlite.exec(`${seq('c', size.conferences)}
      INSERT INTO conferences (slug, name, city, location, start_date, end_date, time_zone, description, created_at, updated_at)
      SELECT '${GROWN}-conf-' || n, 'Grown ' || ${wordSql('n', 1)} || ' Summit ' || n, 'Berlin', 'Berlin, Germany',
        date('2025-06-01', '-' || (n * 30) || ' days'),
        date('2025-06-01', '-' || (n * 30) || ' days', '+' || ${size.daysPerConference - 1} || ' days'),
        'Europe/Berlin', 'A grown conference about ' || ${wordSql('n', 2)} || '.', ${now}, ${now}
      FROM c`);
    sqlite.exec(`${seq('d', size.daysPerConference)}
      INSERT INTO days (conference_id, number, date)
      SELECT c.id, d.n, date(c.start_date, '+' || (d.n - 1) || ' days')
      FROM conferences c, d WHERE c.slug LIKE '${GROWN}-conf-%'`);
    sqlite.exec(`${seq('r', size.roomsPerDay)}
      INSERT INTO tracks (day_id, name, host, position)
      SELECT days.id, 'Track ' || r.n || ': ' || ${wordSql('r.n + days.number', 3)}, 'Host ' || r.n, r.n
      FROM days JOIN conferences c ON c.id = days.conference_id, r WHERE c.slug LIKE '${GROWN}-conf-%'`);
    sqlite.exec(`${seq('s', size.speakers)}
      INSERT INTO speakers (slug, name, bio, created_at)
      SELECT '${GROWN}-speaker-' || n, ${nameSql(FIRST, 'n')} || ' ' || ${nameSql(LAST, 'n / 10')} || ' ' || n,
        'Works on ' || ${wordSql('n', 4)} || ' and ' || ${wordSql('n', 5)} || '.', ${now}
      FROM s`);
    // Talks: `talksPerDay` a day across the rooms, half an hour apart, from 09:00.
    sqlite.exec(`${seq('t', size.talksPerDay)}
      INSERT INTO talks (conference_id, day_id, track_id, slug, title, kind, abstract, talk_url, video_url,
        starts_at, duration_minutes, room, position, guid, created_at, updated_at)
      SELECT days.conference_id, days.id,
        (SELECT id FROM tracks WHERE tracks.day_id = days.id AND tracks.position = (t.n - 1) % ${size.roomsPerDay} + 1),
        'talk-' || days.number || '-' || t.n,
        upper(substr(${wordSql('t.n + days.id', 6)}, 1, 1)) || substr(${wordSql('t.n + days.id', 6)}, 2) || ' at ' ||
          ${wordSql('t.n * 3 + days.id', 7)} || ' scale, part ' || t.n,
        'talk',
        'How we moved our ' || ${wordSql('t.n + days.id', 8)} || ' to ' || ${wordSql('t.n', 9)} || ' without stopping the ' || ${wordSql('days.id', 10)} || '.',
        'https://conference.example/talks/' || days.id || '-' || t.n,
        CASE WHEN t.n % 3 = 0 THEN 'https://www.youtube.com/watch?v=grown' || t.n END,
        (unixepoch(days.date) + 9 * 3600 + ((t.n - 1) / ${size.roomsPerDay}) * 1800 - 3600) * 1000,
        45, 'Room ' || ((t.n - 1) % ${size.roomsPerDay} + 1), t.n,
        '${GROWN}-' || days.id || '-' || t.n, ${now}, ${now}
      FROM days JOIN conferences c ON c.id = days.conference_id, t WHERE c.slug LIKE '${GROWN}-conf-%'`);
    sqlite.exec(`
      INSERT INTO rooms (conference_id, name, position)
      SELECT DISTINCT talks.conference_id, talks.room, CAST(substr(talks.room, 6) AS INTEGER)
      FROM talks JOIN conferences c ON c.id = talks.conference_id WHERE c.slug LIKE '${GROWN}-conf-%'`);
    // One or two speakers per talk, spread over all speakers.
    const firstSpeaker = (sqlite.prepare(`SELECT min(id) AS id FROM speakers WHERE slug LIKE '${GROWN}-speaker-%'`).get() as { id: number }).id;
    sqlite.exec(`
      INSERT INTO talk_speakers (talk_id, speaker_id, position)
      SELECT t.id, ${firstSpeaker} + (t.id * 7919) % ${size.speakers}, 0
      FROM talks t WHERE t.guid LIKE '${GROWN}-%'`);
    sqlite.exec(`
      INSERT OR IGNORE INTO talk_speakers (talk_id, speaker_id, position)
      SELECT t.id, ${firstSpeaker} + (t.id * 104729) % ${size.speakers}, 1
      FROM talks t WHERE t.guid LIKE '${GROWN}-%' AND t.id % 4 = 0`);

    // Readers, and one author who wrote the grown recaps.
    sqlite.exec(`${seq('u', size.readers)}
      INSERT INTO users (email, name, handle, role, journal_public, created_at, updated_at)
      SELECT '${GROWN}-reader-' || n || '@example.com', ${nameSql(FIRST, 'n + 3')} || ' Reader ' || n,
        '${GROWN}-' || n, 'reader', n % 10 = 0, ${now}, ${now}
      FROM u`);
    sqlite.exec(`INSERT INTO users (email, name, handle, role, journal_public, created_at, updated_at)
      VALUES ('${HEAVY_READER_EMAIL}', 'Heavy Reader', '${GROWN}-heavy', 'reader', 1, ${now}, ${now}),
             ('${GROWN}-author@example.com', 'Grown Author', '${GROWN}-author', 'author', 0, ${now}, ${now})`);
    const author = (sqlite.prepare(`SELECT id FROM users WHERE handle = '${GROWN}-author'`).get() as { id: number }).id;

    // Recaps: written as drafts with their talks, then published, so the search index is built
    // once per recap rather than once per covered talk.
    const body = (k: number) =>
      `'## ' || ${wordSql('n', k)} || char(10) || char(10) || 'We went to the ' || ${wordSql('n', k + 1)} || ' track. ' || ` +
      `'The ${WORDS.join(' ')} talks were full. ' || char(10) || char(10) || '<!-- more -->' || char(10) || char(10) || ` +
      `replace(hex(zeroblob(40)), '00', 'The room was busy and the ' || ${wordSql('n', k + 2)} || ' demo worked. ')`;
    sqlite.exec(`${seq('p', size.recaps)}
      INSERT INTO posts (slug, author_id, conference_id, title, body_markdown, body_html, excerpt_html, summary,
        reading_minutes, status, published_at, created_at, updated_at)
      SELECT '${GROWN}-recap-' || n, ${author},
        (SELECT id FROM conferences WHERE slug = '${GROWN}-conf-' || ((n - 1) % ${size.conferences} + 1)),
        'Notes from ' || ${wordSql('n', 11)} || ' day ' || n, ${body(12)},
        '<p>Notes on ' || ${wordSql('n', 13)} || '.</p>', '<p>Notes on ' || ${wordSql('n', 13)} || '.</p>',
        'Notes on ' || ${wordSql('n', 13)} || '.', 4, 'draft', ${now} - n * ${Math.floor(day / 4)}, ${now}, ${now}
      FROM p`);
    sqlite.exec(`${seq('k', size.talksPerRecap)}
      INSERT OR IGNORE INTO post_talks (post_id, talk_id, position, note_markdown, note_html)
      SELECT posts.id,
        (SELECT id FROM talks WHERE talks.conference_id = posts.conference_id
           AND talks.slug = 'talk-' || ((posts.id * 31 + k.n) % ${size.daysPerConference} + 1) || '-' || ((posts.id * 7 + k.n * 13) % ${size.talksPerDay} + 1)),
        k.n, 'A good ' || ${wordSql('posts.id + k.n', 14)} || ' talk.', '<p>A good talk.</p>'
      FROM posts, k WHERE posts.slug LIKE '${GROWN}-recap-%'`);
    // Two of the topics per recap.
    sqlite.exec(`INSERT OR IGNORE INTO categories (slug, name) VALUES ${WORDS.map((w) => `('${GROWN}-${w}', 'Grown ${w}')`).join(', ')}`);
    sqlite.exec(`${seq('k', 2)}
      INSERT OR IGNORE INTO post_categories (post_id, category_id)
      SELECT posts.id, (SELECT id FROM categories WHERE slug = '${GROWN}-' || ${wordSql('posts.id + k.n', 16)})
      FROM posts, k WHERE posts.slug LIKE '${GROWN}-recap-%'`);
    sqlite.exec(`UPDATE posts SET status = 'published' WHERE slug LIKE '${GROWN}-recap-%'`);

    // Ratings: each reader rates `ratingsPerReader` distinct talks (stride 101 over all talks).
    const firstTalk = (sqlite.prepare(`SELECT min(id) AS id FROM talks WHERE guid LIKE '${GROWN}-%'`).get() as { id: number }).id;
    const rate = (userFilter: string, perUser: number) => `${seq('k', perUser)}
      INSERT OR IGNORE INTO ratings (user_id, talk_id, stars, review, seen_how, created_at, updated_at)
      SELECT u.id, ${firstTalk} + (u.id * 37 + k.n * 101) % ${talkCount},
        CASE WHEN (u.id + k.n) % 7 = 0 THEN NULL ELSE (u.id + k.n) % 5 + 1 END,
        CASE WHEN (u.id + k.n) % 5 = 0 THEN 'Loved the ' || ${wordSql('u.id + k.n', 15)} || ' part.' END,
        'room', ${now} - k.n * ${day}, ${now} - k.n * ${day}
      FROM users u, k WHERE ${userFilter}`;
    sqlite.exec(rate(`u.handle LIKE '${GROWN}-%' AND u.handle NOT IN ('${GROWN}-heavy', '${GROWN}-author')`, size.ratingsPerReader));
    sqlite.exec(rate(`u.handle = '${GROWN}-heavy'`, size.heavyReaderRatings));

    // The write-time aggregates, as the rating actions keep them.
    sqlite.exec(`
      UPDATE talks SET
        rating_count = agg.c, rating_sum = agg.s, attendance_count = agg.a
      FROM (SELECT talk_id, count(stars) AS c, coalesce(sum(stars), 0) AS s, count(*) AS a
            FROM ratings WHERE excluded_at IS NULL GROUP BY talk_id) AS agg
      WHERE talks.id = agg.talk_id AND talks.guid LIKE '${GROWN}-%'`);

    // Agendas: each reader plans `plansPerReader` distinct talks (another stride, so plans and
    // ratings overlap only in part), and the going counts follow, as the agenda action keeps them.
    sqlite.exec(`${seq('k', size.plansPerReader)}
      INSERT OR IGNORE INTO plans (user_id, talk_id, created_at)
      SELECT u.id, ${firstTalk} + (u.id * 53 + k.n * 211) % ${talkCount}, ${now} - k.n * ${day}
      FROM users u, k WHERE u.handle LIKE '${GROWN}-%' AND u.handle <> '${GROWN}-author'`);
    sqlite.exec(`
      UPDATE talks SET going_count = agg.n
      FROM (SELECT talk_id, count(*) AS n FROM plans GROUP BY talk_id) AS agg
      WHERE talks.id = agg.talk_id AND talks.guid LIKE '${GROWN}-%'`);
  });
  grow();
}
