/**
 * Which talk of a conference a recap's talk is. In order of certainty: the same page URL, the
 * same slides or video, the slug an export carried, the same normalized title (with the same
 * speaker, when both name one), and finally a similar title by the same speaker ("Drivetribe"
 * for "Drivetribe: A Social Network on Streams"). Pure: the caller passes the conference's talks.
 */
import type { TalkMatch } from './types';

/** Same page whatever the scheme, `www.`, trailing slash, fragment or percent-encoding. */
export function normalizeUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    let pathname = u.pathname;
    try {
      pathname = decodeURI(pathname);
    } catch {}
    return `${u.hostname.toLowerCase().replace(/^www\./, '')}${pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** A person's name for comparison: no accents, no case, no punctuation, no "@". */
export function normalizeName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export type KnownTalk = {
  id: number;
  slug: string;
  title: string;
  talkUrl: string | null;
  presentationUrl: string | null;
  slidesUrl: string | null;
  videoUrl: string | null;
  speakers: string[];
};

export type ProposedTalk = { title: string; url: string | null; speakers: string[]; links: { url: string | null }[]; slug?: string | null };

const STOP = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'for', 'to', 'in', 'on', 'with', 'at', 'by', 'from', 'is', 'are', 'how', 'why', 'what', 'i', 'we', 'you', 'your', 'my', 'our']);
const words = (title: string) => normalizeTitle(title).split(' ').filter((w) => w && !STOP.has(w));

/** Share of the shorter title's words found in the longer one (0–1). */
export function titleOverlap(a: string, b: string): number {
  const wa = new Set(words(a));
  const wb = new Set(words(b));
  if (!wa.size || !wb.size) return 0;
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size;
}

const sameSpeaker = (a: string[], b: string[]) => {
  const names = new Set(b.map(normalizeName));
  return a.some((n) => names.has(normalizeName(n)) || [...names].some((m) => m.split(' ').pop() === normalizeName(n).split(' ').pop() && m.split(' ')[0][0] === normalizeName(n)[0]));
};

/** The best match among `known`, or "new". `taken` are talks already matched by earlier talks of the post. */
export function matchTalk(proposed: ProposedTalk, known: KnownTalk[], taken: Set<number> = new Set()): TalkMatch {
  const free = known.filter((k) => !taken.has(k.id));
  const found = (k: KnownTalk, by: Extract<TalkMatch, { kind: 'existing' }>['by']): TalkMatch => ({ kind: 'existing', talkId: k.id, slug: k.slug, title: k.title, by });

  if (proposed.url) {
    const url = normalizeUrl(proposed.url);
    const k = free.find((x) => x.talkUrl && normalizeUrl(x.talkUrl) === url);
    if (k) return found(k, 'page');
  }
  const links = proposed.links.map((l) => l.url).filter((u): u is string => !!u).map(normalizeUrl);
  if (links.length) {
    const k = free.find((x) => [x.presentationUrl, x.slidesUrl, x.videoUrl].some((u) => u && links.includes(normalizeUrl(u))));
    if (k) return found(k, 'link');
  }
  if (proposed.slug) {
    const k = free.find((x) => x.slug === proposed.slug && normalizeTitle(x.title) === normalizeTitle(proposed.title));
    if (k) return found(k, 'slug');
  }
  const title = normalizeTitle(proposed.title);
  const exact = free.filter((x) => normalizeTitle(x.title) === title);
  if (exact.length) {
    const bySpeaker = proposed.speakers.length ? exact.find((x) => x.speakers.length && sameSpeaker(proposed.speakers, x.speakers)) : null;
    if (bySpeaker) return found(bySpeaker, 'title and speaker');
    // The same title by someone else is another talk; without speakers on one side, it is this one.
    const unnamed = exact.find((x) => !x.speakers.length || !proposed.speakers.length);
    if (unnamed) return found(unnamed, 'title');
  }
  // A shortened or reworded title, by the same speaker.
  if (proposed.speakers.length) {
    const similar = free
      .filter((x) => x.speakers.length && sameSpeaker(proposed.speakers, x.speakers))
      .map((x) => ({ x, overlap: titleOverlap(proposed.title, x.title) }))
      .filter((s) => s.overlap >= 0.6)
      .sort((a, b) => b.overlap - a.overlap)[0];
    if (similar) return found(similar.x, 'similar title');
  }
  // A title that is the start of a known one ("Drivetribe" → "Drivetribe: A Social Network on Streams").
  if (title.split(' ').length >= 1 && title.length >= 6) {
    const prefixed = free.filter((x) => normalizeTitle(x.title).startsWith(`${title} `));
    if (prefixed.length === 1) return found(prefixed[0], 'similar title');
  }
  return { kind: 'new' };
}
