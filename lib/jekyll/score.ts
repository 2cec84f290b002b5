/**
 * How well the importer reads a set of real recaps against what a careful reader counted in them
 * (a `manifest.json` of `{ file, approx_talk_count, talk_titles }`). Pure: the caller reads the
 * files. `npm run import:score` prints it; a unit test holds the thresholds.
 */
import { normalizeTitle } from './match';
import { parsePost } from './parse';
import { CONFIDENT } from './structure';

export type ManifestPost = { file: string; approx_talk_count: number; talk_titles: string[]; has_days?: boolean };

export type PostScore = {
  file: string;
  expected: number;
  /** Talks imported by default (confident) and proposed at all. */
  confident: number;
  proposed: number;
  withinQuarter: boolean;
  titles: { title: string; found: boolean }[];
  days: number;
  error: string | null;
};

export type Score = {
  posts: PostScore[];
  titlesFound: number;
  titlesTotal: number;
  postsWithin: number;
  /** Every post the manifest counts no talks in yields none. */
  emptyStayEmpty: boolean;
  pass: boolean;
};

export const THRESHOLDS = { titles: 0.9, within: 0.8, quarter: 0.25 };

export function scorePost(entry: ManifestPost, bytes: Uint8Array): PostScore {
  const parsed = parsePost(entry.file, bytes, { repairEncoding: true });
  const base = { file: entry.file, expected: entry.approx_talk_count };
  if (!parsed.ok) {
    return { ...base, confident: 0, proposed: 0, withinQuarter: false, titles: entry.talk_titles.map((title) => ({ title, found: false })), days: 0, error: parsed.error };
  }
  const talks = parsed.post.days.flatMap((d) => d.talks);
  const chosen = talks.filter((t) => t.confidence >= CONFIDENT);
  const names = new Set(chosen.map((t) => normalizeTitle(t.title)));
  const expected = entry.approx_talk_count;
  const withinQuarter = expected === 0 ? chosen.length === 0 : Math.abs(chosen.length - expected) <= THRESHOLDS.quarter * expected;
  return {
    ...base,
    confident: chosen.length,
    proposed: talks.length,
    withinQuarter,
    titles: entry.talk_titles.map((title) => ({ title, found: names.has(normalizeTitle(title)) })),
    days: parsed.post.days.filter((d) => d.number !== null).length,
    error: null,
  };
}

export function scoreAll(posts: PostScore[]): Score {
  const titles = posts.flatMap((p) => p.titles);
  const titlesFound = titles.filter((t) => t.found).length;
  const postsWithin = posts.filter((p) => p.withinQuarter).length;
  const emptyStayEmpty = posts.filter((p) => p.expected === 0).every((p) => p.confident === 0);
  const pass = titles.length > 0 && titlesFound / titles.length >= THRESHOLDS.titles && postsWithin / posts.length >= THRESHOLDS.within && emptyStayEmpty;
  return { posts, titlesFound, titlesTotal: titles.length, postsWithin, emptyStayEmpty, pass };
}

const pct = (n: number, d: number) => `${d ? Math.round((100 * n) / d) : 0} %`;

/** The report `npm run import:score` prints. */
export function formatScore(score: Score): string {
  const rows = score.posts.map((p) => {
    const found = p.titles.filter((t) => t.found).length;
    const missing = p.titles.filter((t) => !t.found).map((t) => `      missing: ${t.title}`);
    const count = `${p.confident} talks (${p.proposed} proposed) vs ${p.expected}`;
    return [`${p.withinQuarter ? '✓' : '✗'} ${p.file}`, `      ${count}${p.days ? `, ${p.days} days` : ''}; first titles ${found}/${p.titles.length}${p.error ? `; ${p.error}` : ''}`, ...missing].join('\n');
  });
  return [
    ...rows,
    '',
    `First titles found: ${score.titlesFound}/${score.titlesTotal} (${pct(score.titlesFound, score.titlesTotal)}; needs ${THRESHOLDS.titles * 100} %)`,
    `Talk count within 25 %: ${score.postsWithin}/${score.posts.length} posts (${pct(score.postsWithin, score.posts.length)}; needs ${THRESHOLDS.within * 100} %)`,
    `Posts without talks yield none: ${score.emptyStayEmpty ? 'yes' : 'no'}`,
    score.pass ? 'PASS' : 'FAIL',
  ].join('\n');
}
