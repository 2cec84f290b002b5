import 'server-only';

import { sql } from 'drizzle-orm';
import { cleanMarkdownSnippet, ELLIPSIS, MARK_CLOSE, MARK_OPEN, queryTerms, toFtsQuery } from '@/lib/search-query';
import { db } from './index';

/**
 * Site search over the FTS5 tables of migration 0001_search (kept current by triggers).
 *
 * One query per kind, each ranked by bm25 with its own column weights (titles and names count
 * ten times a body). Titles come back through `highlight()`, bodies through `snippet()`, both with
 * the private-use markers of lib/search-query.ts around matches; the page turns those into
 * `<mark>` elements as React text, so nothing stored is ever interpreted as HTML.
 */

const WEIGHTS = {
  // title, body, notes on the talks covered
  posts: sql.raw('bm25(posts_fts, 10.0, 1.0, 1.0)'),
  // title, abstract
  talks: sql.raw('bm25(talks_fts, 10.0, 2.0)'),
  // name, bio
  speakers: sql.raw('bm25(speakers_fts, 10.0, 1.0)'),
  // name, tracks, details
  conferences: sql.raw('bm25(conferences_fts, 10.0, 4.0, 1.0)'),
};

const SNIPPET_TOKENS = 24;

export type RecapHit = {
  slug: string;
  title: string;
  /** Title with match markers. */
  titleMarked: string;
  /** Excerpt of the body (or a talk note) around the match, markdown syntax removed, with match markers. */
  snippet: string;
  summary: string;
  publishedAt: number;
  utcOffsetMinutes: number;
  authorName: string | null;
  conferenceName: string | null;
};

export type TalkHit = {
  slug: string;
  title: string;
  titleMarked: string;
  snippet: string;
  conferenceSlug: string;
  conferenceName: string;
  dayNumber: number | null;
  speakerNames: string | null;
};

export type SpeakerHit = { slug: string; name: string; nameMarked: string; snippet: string; talkCount: number };

export type ConferenceHit = {
  slug: string;
  name: string;
  nameMarked: string;
  /** Matching track names or details, when the match is not only in the name. */
  snippet: string;
  startDate: string;
  endDate: string;
  location: string | null;
};

export type SearchResults = {
  /** The words searched for, as understood (empty: nothing searchable was typed). */
  terms: string[];
  recaps: RecapHit[];
  talks: TalkHit[];
  speakers: SpeakerHit[];
  conferences: ConferenceHit[];
  total: number;
};

const empty = (terms: string[]): SearchResults => ({ terms, recaps: [], talks: [], speakers: [], conferences: [], total: 0 });

/**
 * Searches recaps (published and due only), talks, speakers and conferences. Any input is safe:
 * it is reduced to quoted words before it reaches MATCH; nothing searchable gives no results.
 * Each index drives its join (CROSS JOIN): the planner would otherwise walk every published post
 * and probe the index once per post (seconds on a large journal). Recaps and talks are ranked in
 * a subquery that reads only a covering index per match (a common word matches tens of thousands
 * of them, and a post's row carries its whole body); the rows are read for the page's few.
 */
export function searchSite({ query, limit = 20 }: { query: unknown; limit?: number }): SearchResults {
  const terms = queryTerms(query);
  const match = toFtsQuery(query);
  if (!match) return empty(terms);
  const open = MARK_OPEN;
  const close = MARK_CLOSE;
  try {
    const recaps = db
      .all<Omit<RecapHit, 'snippet'> & { body: string; notes: string }>(sql`
        SELECT p.slug AS slug, p.title AS title, p.summary AS summary,
          p.published_at AS publishedAt, p.utc_offset_minutes AS utcOffsetMinutes,
          u.name AS authorName, c.name AS conferenceName,
          hit.titleMarked AS titleMarked, hit.body AS body, hit.notes AS notes
        FROM (
          SELECT posts_fts.rowid AS id, ${WEIGHTS.posts} AS score, visible.published_at AS publishedAt,
            highlight(posts_fts, 0, ${open}, ${close}) AS titleMarked,
            snippet(posts_fts, 1, ${open}, ${close}, ${ELLIPSIS}, ${SNIPPET_TOKENS}) AS body,
            snippet(posts_fts, 2, ${open}, ${close}, ${ELLIPSIS}, ${SNIPPET_TOKENS}) AS notes
          FROM posts_fts
          CROSS JOIN posts visible INDEXED BY posts_id_status_published_at_idx ON visible.id = posts_fts.rowid
          WHERE posts_fts MATCH ${match}
            AND visible.status = 'published' AND visible.published_at IS NOT NULL AND visible.published_at <= ${Date.now()}
          ORDER BY score, publishedAt DESC
          LIMIT ${limit}
        ) hit
        CROSS JOIN posts p ON p.id = hit.id
        LEFT JOIN users u ON u.id = p.author_id
        LEFT JOIN conferences c ON c.id = p.conference_id
        ORDER BY hit.score, hit.publishedAt DESC`)
      // The body around the match; else the matching talk note; else (title match) the body's start.
      .map(({ body, notes, ...r }) => ({
        ...r,
        snippet: cleanMarkdownSnippet(body.includes(open) || !notes.includes(open) ? body : notes),
      }));

    const talks = db.all<TalkHit>(sql`
      SELECT t.slug AS slug, t.title AS title, hit.titleMarked AS titleMarked, hit.snippet AS snippet,
        c.slug AS conferenceSlug, c.name AS conferenceName, d.number AS dayNumber,
        (SELECT group_concat(name, ', ') FROM (
          SELECT s.name AS name FROM talk_speakers ts JOIN speakers s ON s.id = ts.speaker_id
          WHERE ts.talk_id = t.id ORDER BY ts.position)) AS speakerNames
      FROM (
        SELECT talks_fts.rowid AS id, ${WEIGHTS.talks} AS score, held.start_date AS startDate,
          highlight(talks_fts, 0, ${open}, ${close}) AS titleMarked,
          snippet(talks_fts, 1, ${open}, ${close}, ${ELLIPSIS}, ${SNIPPET_TOKENS}) AS snippet
        FROM talks_fts
        CROSS JOIN talks ranked INDEXED BY talks_id_conference_id_idx ON ranked.id = talks_fts.rowid
        JOIN conferences held ON held.id = ranked.conference_id
        WHERE talks_fts MATCH ${match}
        ORDER BY score, startDate DESC
        LIMIT ${limit}
      ) hit
      CROSS JOIN talks t ON t.id = hit.id
      JOIN conferences c ON c.id = t.conference_id
      LEFT JOIN days d ON d.id = t.day_id
      ORDER BY hit.score, hit.startDate DESC`);

    const speakers = db.all<SpeakerHit>(sql`
      SELECT s.slug AS slug, s.name AS name,
        highlight(speakers_fts, 0, ${open}, ${close}) AS nameMarked,
        snippet(speakers_fts, 1, ${open}, ${close}, ${ELLIPSIS}, ${SNIPPET_TOKENS}) AS snippet,
        (SELECT count(*) FROM talk_speakers ts WHERE ts.speaker_id = s.id) AS talkCount
      FROM speakers_fts
      CROSS JOIN speakers s ON s.id = speakers_fts.rowid
      WHERE speakers_fts MATCH ${match}
      ORDER BY ${WEIGHTS.speakers}, s.name
      LIMIT ${limit}`);

    const conferences = db
      .all<Omit<ConferenceHit, 'snippet'> & { tracks: string; details: string }>(sql`
        SELECT c.slug AS slug, c.name AS name, c.start_date AS startDate, c.end_date AS endDate,
          c.location AS location,
          highlight(conferences_fts, 0, ${open}, ${close}) AS nameMarked,
          snippet(conferences_fts, 1, ${open}, ${close}, ${ELLIPSIS}, ${SNIPPET_TOKENS}) AS tracks,
          snippet(conferences_fts, 2, ${open}, ${close}, ${ELLIPSIS}, ${SNIPPET_TOKENS}) AS details
        FROM conferences_fts
        CROSS JOIN conferences c ON c.id = conferences_fts.rowid
        WHERE conferences_fts MATCH ${match}
        ORDER BY ${WEIGHTS.conferences}, c.start_date DESC
        LIMIT ${limit}`)
      .map(({ tracks, details, ...r }) => ({
        ...r,
        snippet: tracks.includes(open) ? `Tracks: ${tracks}` : details.includes(open) ? details : '',
      }));

    return {
      terms,
      recaps,
      talks,
      speakers,
      conferences,
      total: recaps.length + talks.length + speakers.length + conferences.length,
    };
  } catch (error) {
    // toFtsQuery cannot produce a syntax error; should FTS5 refuse anything else, a search page
    // saying "nothing found" beats an error page.
    console.error('[search] query failed', { match, error });
    return empty(terms);
  }
}
