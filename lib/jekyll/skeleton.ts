/**
 * Where a recap's talks sat in its body. In the stored body, each run of talks (with the day
 * headings and intros around them) is an invisible HTML comment holding `<<talk slug>>`
 * placeholders:
 *
 *   <!-- hallway:talks
 *   ### Day 1: Stream Processing
 *   <<talk drivetribe-social-network-streams>>
 *   -->
 *
 * Readers see the prose in place and the talks in the post's talk list; the exporter puts them
 * back where they were, between markers the importer reads back exactly (see export.ts):
 *
 *   <!-- hallway:talks -->
 *   ### Day 1: Stream Processing
 *   <!-- hallway:talk {"slug":"drivetribe-social-network-streams","day":1} -->
 *   **[Drivetribe: A Social Network on Streams](https://…)**
 *   …
 *   <!-- /hallway:talk -->
 *   <!-- /hallway:talks -->
 */

export type SkeletonPart = { kind: 'text'; text: string } | { kind: 'talk'; ref: string };

const PLACEHOLDER = /^<<talk (\S+)>>$/;

/** Inside the HTML comment, `>` and `&` are escaped so no text can close it early. */
const escapeSkeleton = (text: string) => text.replace(/&/g, '&amp;').replace(/>/g, '&gt;');
const unescapeSkeleton = (text: string) => text.replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function encodeSkeleton(parts: SkeletonPart[]): string {
  const inner = parts.map((p) => (p.kind === 'talk' ? `<<talk ${p.ref}>>` : escapeSkeleton(p.text))).join('\n');
  return `<!-- hallway:talks\n${inner}\n-->`;
}

/** Blank lines around placeholders carry no meaning: keep the skeleton compact and stable. */
export function normalizeParts(parts: SkeletonPart[]): SkeletonPart[] {
  return parts
    .map((p) => (p.kind === 'text' ? { ...p, text: p.text.replace(/^(?:[ \t]*\n)+/, '').trimEnd() } : p))
    .filter((p) => p.kind === 'talk' || p.text !== '');
}

/** Finds every skeleton in a stored body, with its position and decoded parts. */
export function findSkeletons(body: string): { start: number; end: number; parts: SkeletonPart[] }[] {
  const found: { start: number; end: number; parts: SkeletonPart[] }[] = [];
  const re = /^<!-- hallway:talks\n([\s\S]*?)\n-->$/gm;
  for (const m of body.matchAll(re)) {
    const parts: SkeletonPart[] = [];
    let text: string[] = [];
    const flush = () => {
      if (text.length) parts.push({ kind: 'text', text: unescapeSkeleton(text.join('\n')) });
      text = [];
    };
    for (const line of m[1].split('\n')) {
      const p = PLACEHOLDER.exec(line);
      if (p) {
        flush();
        parts.push({ kind: 'talk', ref: p[1] });
      } else text.push(line);
    }
    flush();
    found.push({ start: m.index!, end: m.index! + m[0].length, parts });
  }
  return found;
}

/** Rewrites the placeholders of every skeleton in a body (talk index → talk slug, on import). */
export function mapSkeletonRefs(body: string, map: (ref: string) => string | null): string {
  let out = '';
  let last = 0;
  for (const s of findSkeletons(body)) {
    const parts = s.parts.flatMap((p): SkeletonPart[] => {
      if (p.kind === 'text') return [p];
      const ref = map(p.ref);
      return ref ? [{ kind: 'talk', ref }] : [];
    });
    out += body.slice(last, s.start) + encodeSkeleton(parts);
    last = s.end;
  }
  return out + body.slice(last);
}

// ------------------------------------------------------------------ export markers

/** What an exported talk carries besides its visible block: where it sat in the conference. */
export type TalkMarker = { slug?: string; kind?: string; day?: number; track?: string; host?: string };

/** JSON inside an HTML comment: `>` written as \u003e, so nothing can end the comment early. */
const markerJson = (value: object) => JSON.stringify(value).replace(/>/g, '\\u003e').replace(/--/g, '-\\u002d');

export const regionOpen = (generated: boolean) => (generated ? `<!-- hallway:talks ${markerJson({ generated: true })} -->` : '<!-- hallway:talks -->');
export const REGION_CLOSE = '<!-- /hallway:talks -->';
export const talkOpen = (marker: TalkMarker) => `<!-- hallway:talk ${markerJson(marker)} -->`;
export const TALK_CLOSE = '<!-- /hallway:talk -->';

const REGION_OPEN_LINE = /^<!-- hallway:talks(?: (\{.*\}))? -->[ \t]*$/;
const TALK_OPEN_LINE = /^<!-- hallway:talk (\{.*\}) -->[ \t]*$/;

export type MarkedRegion = {
  start: number;
  end: number;
  generated: boolean;
  parts: ({ kind: 'text'; start: number; end: number } | { kind: 'talk'; start: number; end: number; marker: TalkMarker })[];
};

function parseJson<T>(text: string | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}

function cleanMarker(raw: Record<string, unknown>): TalkMarker {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const day = Number(raw.day);
  return {
    slug: str(raw.slug),
    kind: str(raw.kind),
    day: Number.isInteger(day) && day >= 1 && day <= 366 ? day : undefined,
    track: str(raw.track),
    host: str(raw.host),
  };
}

/**
 * The marked regions of a Hallway export (offsets into `markdown`), or [] for any other post.
 * A region or talk without its closing marker ends at the end of the text.
 */
export function findMarkedRegions(markdown: string): MarkedRegion[] {
  const regions: MarkedRegion[] = [];
  const lines = markdown.split('\n');
  let offset = 0;
  let region: MarkedRegion | null = null;
  let talk: { start: number; marker: TalkMarker } | null = null;
  let textStart = 0;
  const closeText = (end: number) => {
    if (region && end > textStart) region.parts.push({ kind: 'text', start: textStart, end });
  };
  for (const line of lines) {
    const lineEnd = offset + line.length;
    const next = Math.min(markdown.length, lineEnd + 1);
    const open = REGION_OPEN_LINE.exec(line);
    if (!region && open) {
      region = { start: offset, end: lineEnd, generated: parseJson<{ generated?: unknown }>(open[1], {}).generated === true, parts: [] };
      textStart = next;
    } else if (region && !talk && TALK_OPEN_LINE.test(line)) {
      closeText(offset);
      talk = { start: next, marker: cleanMarker(parseJson<Record<string, unknown>>(TALK_OPEN_LINE.exec(line)![1], {})) };
    } else if (region && talk && line.trim() === TALK_CLOSE) {
      region.parts.push({ kind: 'talk', start: talk.start, end: offset, marker: talk.marker });
      talk = null;
      textStart = next;
    } else if (region && !talk && line.trim() === REGION_CLOSE) {
      closeText(offset);
      region.end = lineEnd;
      regions.push(region);
      region = null;
    }
    offset = next;
  }
  if (region) {
    if (talk) region.parts.push({ kind: 'talk', start: talk.start, end: markdown.length, marker: talk.marker });
    else closeText(markdown.length);
    region.end = markdown.length;
    regions.push(region);
  }
  return regions;
}
