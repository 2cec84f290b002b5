/**
 * A Hallway post → one Jekyll markdown file (pure). The body's talk skeletons are expanded back in
 * place: the day headings and intros as written, each talk as a readable block (bold title,
 * speakers, link line, note) between invisible markers that say where it sat in the conference
 * (skeleton.ts). Importing an export therefore gives the same post, conference and talks, however
 * the original recap was shaped; the front matter's `hallway_id` and `hallway_url` say which post
 * it is, so importing it again updates that post. Liquid-looking text is wrapped in
 * `{% raw %}` (Jekyll would run it otherwise); the importer removes those markers again.
 */
import { parseMarkdown } from './mdast';
import { isLocalImage, rewriteImages } from './images';
import { findSkeletons, REGION_CLOSE, regionOpen, TALK_CLOSE, talkOpen, type TalkMarker } from './skeleton';
import { formatOffset } from '@/lib/dates';

export type ExportTalk = {
  slug: string;
  title: string;
  kind: string;
  talkUrl: string | null;
  presentationUrl: string | null;
  slidesUrl: string | null;
  videoUrl: string | null;
  videoPending: boolean;
  speakers: string[];
  dayNumber: number | null;
  dayTheme: string | null;
  trackName: string | null;
  trackHost: string | null;
  /** The author's note (markdown). */
  note: string;
};

export type ExportConference = {
  slug: string;
  name: string;
  city: string | null;
  location: string | null;
  startDate: string;
  endDate: string;
  website: string | null;
  timeZone: string;
  days: { number: number; date: string; theme: string | null }[];
};

export type ExportPost = {
  id: number;
  /** The post's public address (absolute), or null for a draft. */
  url: string | null;
  slug: string;
  title: string;
  bodyMarkdown: string;
  published: boolean;
  utcMs: number;
  offsetMinutes: number;
  commentsEnabled: boolean;
  categories: string[];
  conference: ExportConference | null;
  /** In the recap's order. */
  talks: ExportTalk[];
};

export type ExportedFile = {
  /** `2018-03-12-qcon-london-2018.markdown`, for `_posts/`. */
  fileName: string;
  content: string;
  /** Upload file names the post shows; the caller copies them to `images/`. */
  uploads: string[];
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The date as written: `2018-03-12 13:08:46 -0700`. */
export function jekyllDate(utcMs: number, offsetMinutes: number): string {
  const w = new Date(utcMs + offsetMinutes * 60_000);
  const day = `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`;
  const time = `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}`;
  return `${day} ${time} ${formatOffset(offsetMinutes).replace(':', '')}`;
}

const quote = (s: string) => JSON.stringify(s);

function frontMatter(post: ExportPost): string {
  const lines = [
    '---',
    'layout: post',
    `title: ${quote(post.title)}`,
    `date: ${jekyllDate(post.utcMs, post.offsetMinutes)}`,
    `comments: ${post.commentsEnabled}`,
    `published: ${post.published}`,
    `slug: ${quote(post.slug)}`,
    `hallway_id: ${post.id}`,
  ];
  if (post.url) lines.push(`hallway_url: ${quote(post.url)}`);
  if (post.categories.length) lines.push('categories:', ...post.categories.map((c) => `- ${quote(c)}`));
  const c = post.conference;
  if (c) {
    lines.push('conference:', `  slug: ${quote(c.slug)}`, `  name: ${quote(c.name)}`);
    if (c.city) lines.push(`  city: ${quote(c.city)}`);
    if (c.location) lines.push(`  location: ${quote(c.location)}`);
    lines.push(`  start: ${quote(c.startDate)}`, `  end: ${quote(c.endDate)}`);
    if (c.website) lines.push(`  website: ${quote(c.website)}`);
    lines.push(`  timezone: ${quote(c.timeZone)}`);
    if (c.days.length) {
      lines.push('  days:');
      for (const d of c.days) {
        lines.push(`  - number: ${d.number}`, `    date: ${quote(d.date)}`);
        if (d.theme) lines.push(`    theme: ${quote(d.theme)}`);
      }
    }
  }
  lines.push('---');
  return lines.join('\n');
}

const escapeMarkdown = (text: string) => text.replace(/([\\`*_[\]<>])/g, '\\$1');
const destination = (url: string) => (/[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url);

function joinNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The talk line, its link line and the note, as the importer reads them. */
export function talkBlock(t: ExportTalk): string {
  const title = escapeMarkdown(t.title);
  const head = (t.talkUrl ? `**[${title}](${destination(t.talkUrl)})**` : `**${title}**`) + (t.speakers.length ? ` by ${joinNames(t.speakers)}` : '');
  const links: string[] = [];
  if (t.presentationUrl) links.push(`[Presentation](${destination(t.presentationUrl)})`);
  if (t.slidesUrl) links.push(`[Slides](${destination(t.slidesUrl)})`);
  if (t.videoUrl) links.push(`[Video](${destination(t.videoUrl)})`);
  else if (t.videoPending) links.push('Video (not yet available)');
  return [head, links.join(' | '), t.note.trim()].filter(Boolean).join('\n\n');
}

/** Where a talk sits in the conference, for the importer: its slug, kind, day and track. */
function markerOf(t: ExportTalk): TalkMarker {
  const marker: TalkMarker = { slug: t.slug };
  if (t.kind !== 'talk') marker.kind = t.kind;
  if (t.dayNumber !== null) marker.day = t.dayNumber;
  if (t.trackName) marker.track = t.trackName;
  if (t.trackName && t.trackHost) marker.host = t.trackHost;
  return marker;
}

const markedTalk = (t: ExportTalk) => `${talkOpen(markerOf(t))}\n${talkBlock(t)}\n${TALK_CLOSE}`;
const region = (parts: string[], generated = false) => [regionOpen(generated), ...parts, REGION_CLOSE].join('\n\n');

/** Talks the body's skeletons do not place (a recap written in Hallway), grouped by day and track. */
function talksSection(talks: ExportTalk[]): string {
  const blocks: string[] = ['## Talks'];
  // Talks without a day first: a Day heading would otherwise claim them.
  for (const t of talks.filter((x) => x.dayNumber === null)) blocks.push(markedTalk(t));
  const groups = new Map<string, ExportTalk[]>();
  for (const t of talks.filter((x) => x.dayNumber !== null)) {
    const key = `${t.dayNumber}\u0000${t.trackName ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  for (const group of groups.values()) {
    const { dayNumber, trackName, dayTheme, trackHost } = group[0];
    const label = trackName ?? dayTheme;
    blocks.push(`### Day ${dayNumber}${label ? `: ${label}` : ''}`);
    if (trackName && trackHost) blocks.push(`This track was hosted by ${trackHost}.`);
    blocks.push(...group.map(markedTalk));
  }
  // Generated here, not written by the author: the importer leaves it out of the body again.
  return region(blocks, true);
}

function expandSkeletons(body: string, talks: ExportTalk[]): { body: string; unplaced: ExportTalk[] } {
  const bySlug = new Map(talks.map((t) => [t.slug, t]));
  const placed = new Set<string>();
  let out = '';
  let last = 0;
  for (const s of findSkeletons(body)) {
    const parts = s.parts.flatMap((p) => {
      if (p.kind === 'text') return [p.text];
      const talk = bySlug.get(p.ref);
      if (!talk || placed.has(p.ref)) return [];
      placed.add(p.ref);
      return [markedTalk(talk)];
    });
    out += body.slice(last, s.start) + region(parts);
    last = s.end;
  }
  out += body.slice(last);
  return { body: out, unplaced: talks.filter((t) => !placed.has(t.slug)) };
}

/** Wraps whatever Liquid would execute in `{% raw %}…{% endraw %}`: code blocks whole, the rest per token. */
export function protectLiquid(markdown: string): string {
  if (!/\{[{%]/.test(markdown)) return markdown;
  const tree = parseMarkdown(markdown);
  const edits: { start: number; end: number; text: string }[] = [];
  const covered: { start: number; end: number }[] = [];
  const walk = (node: { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if ((node.type === 'code' || node.type === 'inlineCode') && start !== undefined && end !== undefined) {
      covered.push({ start, end });
      if (!/\{[{%]/.test(markdown.slice(start, end))) return;
      if (node.type === 'inlineCode') {
        edits.push({ start, end, text: `{% raw %}${markdown.slice(start, end)}{% endraw %}` });
      } else {
        const lineStart = markdown.lastIndexOf('\n', start - 1) + 1;
        const indent = /^[ \t]*/.exec(markdown.slice(lineStart))![0];
        edits.push({ start: lineStart, end, text: `${indent}{% raw %}\n${markdown.slice(lineStart, end)}\n${indent}{% endraw %}` });
      }
      return;
    }
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  walk(tree as unknown as Parameters<typeof walk>[0]);
  for (const m of markdown.matchAll(/\{%[^\n]*?%\}|\{\{[^\n]*?\}\}|\{%|\{\{/g)) {
    const at = m.index!;
    if (covered.some((r) => at >= r.start && at < r.end)) continue;
    edits.push({ start: at, end: at + m[0].length, text: `{% raw %}${m[0]}{% endraw %}` });
  }
  let out = markdown;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

export function exportPost(post: ExportPost): ExportedFile {
  const expanded = expandSkeletons(post.bodyMarkdown.trimEnd(), post.talks);
  let body = expanded.body.trimEnd();
  if (expanded.unplaced.length) body = `${body}\n\n${talksSection(expanded.unplaced)}`;

  const uploads: string[] = [];
  body = rewriteImages(body, ({ src }) => {
    const m = /^\/uploads\/([A-Za-z0-9._-]+)$/.exec(src);
    if (!m || !isLocalImage(src)) return null;
    if (!uploads.includes(m[1])) uploads.push(m[1]);
    return { src: `/images/${m[1]}` };
  });

  const [date] = jekyllDate(post.utcMs, post.offsetMinutes).split(' ');
  return {
    fileName: `${date}-${post.slug}.markdown`,
    content: `${frontMatter(post)}\n\n${protectLiquid(body).replace(/^\n+/, '')}\n`,
    uploads,
  };
}
