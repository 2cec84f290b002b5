/**
 * A recap's structure, read the way a person reads it: which lines are days, which are talks
 * (title, speakers, links, the author's note), and how sure that is.
 *
 * 1. The body becomes one sequence of blocks, markdown and raw HTML alike (blocks.ts).
 * 2. Day markers: headings ("Day 2", "Thursday (2/28)", "###Monday, June 10th"), bold lead-ins
 *    ("**Monday**: tutorials"), list items that start with a weekday ("Monday I'll attend…").
 * 3. Every heading, bold line, speaker-first block, list item and sentence that names a talk is
 *    a candidate (recognize.ts), with the signals it carries.
 * 4. Candidates are weighed with their context: under a day, under a heading or lead-in that
 *    speaks of talks, among siblings of the same shape that are clearly talks. A list where most
 *    items name a speaker or link slides makes its other items talks too; a single bold line
 *    without links stays prose.
 * 5. Overlaps are settled (a list inside a talk's note is part of the note; an item whose nested
 *    items are talks is their session, not a talk), duplicates merged, days numbered and dated.
 *
 * The result explains itself: each talk has its confidence, the reasons, and the source lines.
 * The body keeps every line that is not a chosen talk; chosen talks (and the day headings and
 * intros between them) are replaced by a `<!-- hallway:talks … -->` skeleton (skeleton.ts).
 *
 * A Hallway export is read by its markers instead (exactly what was exported, nothing guessed).
 */
import { readBlocks, type Block } from './blocks';
import { readTalkBlock } from './canonical';
import { parseDayLabel, resolveDays, type DayLabel } from './days';
import { lineIndex } from './mdast';
import { findHost, isPersonName } from './names';
import { atomsOf, atomsText, findMentions, isPlaceholder, joinAtoms, linkSignals, noteSignals, readHead, readLinkLine, titleCase, titleProblem, type Atom, type Head, type Signal } from './recognize';
import { encodeSkeleton, findMarkedRegions, normalizeParts, type SkeletonPart } from './skeleton';
import type { BodyLayout, ParsedDay, ParsedTalk, TalkShape } from './types';

/** Imported by default (ticked in the review). */
export const CONFIDENT = 0.6;
/** Proposed, unticked. Below this a candidate is not shown at all. */
export const POSSIBLE = 0.35;

export type StructureContext = { postTitle?: string; postDate?: string; lineOffset?: number };
export type Structure = { body: string; days: ParsedDay[]; layout: BodyLayout; plan: boolean; warnings: string[] };

export function parseStructure(markdown: string, ctx: StructureContext = {}): Structure {
  const marked = findMarkedRegions(markdown);
  return marked.length ? readMarked(markdown, marked, ctx) : recognize(markdown, ctx);
}

// ------------------------------------------------------------------ vocabulary

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Headings that organise a recap but are never a talk. */
const GENERIC =
  /^(?:summary|intro|introduction|misc|miscellaneous|conclusions?|overview|notes|links|resources|thanks|thank you|acknowledg(?:e)?ments?|final thoughts|closing thoughts|(?:some )?thoughts|wrap ?up|wrapping up|updates?|tl ?dr|about(?: me)?|agenda|schedule|other(?: stuff| things)?|others|extras?|references|further reading|reading list|more|want more|next (?:time|year|month|steps)|takeaways?|key takeaways|highlights|lessons(?: learned)?|venue|the venue|location|food|travel|party|parties|social|networking|sponsors|swag|photos|pictures|the good|the bad|the ugly|pros|cons|verdict|morning|afternoon|evening|lunch|breakfast|dinner|disclaimer|edit|p ?s|faq|contents|table of contents|day \w+|after the conference|before the conference|the conference|conference|keynotes|talks|sessions|workshops|the talks|the sessions)$/;
/** "Best talks I attended", "Sessions worth your time": a section of talks, not one. */
const SECTION_HEADER = /\b(?:talks|sessions|presentations|keynotes|workshops|lectures|tutorials)\b/i;
const OWN_TALKS = /^(?:my (?:own )?(?:talks?|presentations?|sessions?|workshops?|slides)|(?:the )?talks? i gave|what i presented)$/;
/** A heading or lead-in that announces talks ("Best talks I attended", "The sessions I went to:"). */
const TALK_CUE = /\b(?:talks?|sessions?|presentations?|keynotes?|lectures?|schedule|line-?up|agenda|program(?:me)?|recommend(?:ed|ations?)?|favou?rites?|watch(?:ed)?|attend(?:ed)?|went to|saw)\b/i;
const NEGATIVE_CUE = /\b(?:resources|further reading|reading list|links|tools|books|libraries|sponsors|thanked|thanks to)\b/i;
const PLAN = /\b(?:(?:tentative|my) schedule|i(?:'m| am)? plan(?:ning)? to (?:see|attend|watch)|i want to (?:see|attend|watch)|i(?:'|’)ll (?:attend|go to|be attending)|i will (?:attend|go to)|i(?:'|’)m looking forward to (?:seeing|attending)|starts? (?:today|tomorrow|next week)|(?:joining|attending) .{0,60} next week)\b/i;

const STRONG_SIGNALS = new Set<Signal['kind']>(['speaker', 'slides', 'video', 'presentation', 'talk-page', 'time', 'placeholder', 'note']);
const SIGNAL_WEIGHT: Record<Signal['kind'], number> = { speaker: 0.3, slides: 0.3, video: 0.3, presentation: 0.3, 'talk-page': 0.25, time: 0.2, placeholder: 0.2, 'kind-word': 0.1, note: 0.1 };
const BASE: Record<Exclude<TalkShape, 'export'>, number> = { heading: 0.2, 'bold-line': 0.2, 'speaker-first': 0.35, 'list-item': 0.1, mention: 0.15 };

// ------------------------------------------------------------------ the recognizer pass

type DayMarker = { start: number; end: number; style: 'heading' | 'lead-in' | 'item'; depth: number; label: DayLabel; text: string; closes: number };

type Candidate = {
  id: number;
  shape: Exclude<TalkShape, 'export'>;
  block: Block;
  /** Where the talk's text starts, where its note starts, and (mentions) where it is named. */
  start: number;
  noteStart: number;
  at: number;
  title: string;
  url: string | null;
  speakers: string[];
  links: Head['links'];
  signals: Signal[];
  prose: boolean;
  group: string;
  day: DayMarker | null;
  score: number;
  reasons: string[];
  end: number;
};

function recognize(markdown: string, ctx: StructureContext): Structure {
  const blocks = readBlocks(markdown);
  const postTitle = norm(ctx.postTitle ?? '');
  const rootOf = (b: Block): Block => (b.parent === null ? b : rootOf(blocks[b.parent]));
  const barriers = blocks.filter((b) => b.moreMarker).map((b) => b.start);
  const headingHead = new Map<number, Head | null>();
  const headOfHeading = (b: Block) => {
    if (!headingHead.has(b.id)) headingHead.set(b.id, b.lines[0] ? readHead(atomsOf(b.lines[0].inline)) : null);
    return headingHead.get(b.id)!;
  };
  const hasSignals = (h: Head | null) => !!h && h.signals.some((s) => STRONG_SIGNALS.has(s.kind));
  const headingText = (b: Block) => b.lines[0]?.text ?? '';
  const isGenericHeading = (text: string) => {
    const n = norm(text);
    return !n || GENERIC.test(n) || OWN_TALKS.test(n) || (postTitle !== '' && (n === postTitle || postTitle.startsWith(n) || n.startsWith(postTitle)));
  };
  const isSectionHeader = (b: Block) => SECTION_HEADER.test(headingText(b)) && headingText(b).split(/\s+/).length <= 8 && !b.lines[0].inline.some((n) => n.type === 'link');
  /** The links under a title: the rest of its paragraph's next line, or the next paragraph. */
  const linksAfter = (b: Block, lineIndex: number): { links: Head['links']; noteStart: number } | null => {
    const line = b.lines[lineIndex];
    if (line) {
      const links = readLinkLine(atomsOf(line.inline));
      return links ? { links, noteStart: b.lines[lineIndex + 1]?.start ?? b.end } : null;
    }
    const next = blocks[b.id + 1];
    if (!next || next.kind !== 'paragraph' || next.lines.length !== 1 || next.parent !== b.parent) return null;
    const links = readLinkLine(atomsOf(next.lines[0].inline));
    return links ? { links, noteStart: next.end } : null;
  };
  // Indexes, so that every step below stays linear in the size of the post.
  const starts = blocks.map((b) => b.start);
  /** Index of the first block starting after `offset`. */
  const firstAfter = (offset: number) => {
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** The innermost block holding `offset`. */
  const blockAt = (offset: number) => {
    for (let i = firstAfter(offset) - 1; i >= 0 && i >= firstAfter(offset) - 8; i--) if (offset < Math.max(blocks[i].end, blocks[i].start + 1)) return blocks[i];
    return null;
  };
  const listEnd = new Map<number, number>();
  const firstItem = new Map<number, Block>();
  const firstChild = new Map<number, Block>();
  for (const b of blocks) {
    if (b.list) {
      listEnd.set(b.list.id, Math.max(listEnd.get(b.list.id) ?? 0, b.end));
      if (!firstItem.has(b.list.id)) firstItem.set(b.list.id, b);
    }
    if (b.parent !== null && !firstChild.has(b.parent)) firstChild.set(b.parent, b);
  }
  const withLinks = (head: Head, found: { links: Head['links']; noteStart: number } | null, fallback: number) => {
    if (!found) return fallback;
    head.links = [...head.links, ...found.links];
    head.signals = [...head.signals, ...linkSignals(found.links)];
    return found.noteStart;
  };

  // ---- day markers
  const markers: DayMarker[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') {
      const label = parseDayLabel(headingText(b));
      if (label) markers.push({ start: b.start, end: b.end, style: 'heading', depth: b.depth, label, text: headingText(b), closes: 0 });
    } else if (b.kind === 'paragraph') {
      for (const line of b.lines) {
        const atoms = atomsOf(line.inline).filter((a) => a.text.trim());
        const lead = atoms[0];
        if (!lead || lead.type !== 'text' || !lead.marks.length) continue;
        const rest = atomsText(atoms.slice(1));
        const label = parseDayLabel(lead.text.replace(/[:\s]+$/, ''));
        if (label && (!rest || /^[:–—-]/.test(rest) || /:\s*$/.test(lead.text))) {
          markers.push({ start: line.start, end: line.end, style: 'lead-in', depth: 0, label: { ...label, track: null, host: null }, text: lead.text.replace(/[:\s]+$/, ''), closes: 0 });
        }
      }
    } else if (b.kind === 'item') {
      const words = (b.lines[0]?.text ?? '').split(/\s+/);
      for (let k = Math.min(4, words.length - 1); k >= 1; k--) {
        const prefix = words.slice(0, k).join(' ').replace(/[:,]$/, '');
        const label = parseDayLabel(prefix);
        if (label && !label.track && (label.weekday !== null || label.number !== null)) {
          markers.push({ start: b.start, end: b.start, style: 'item', depth: b.depth, label, text: prefix, closes: listEnd.get(b.list!.id)! });
          break;
        }
      }
    }
  }
  markers.sort((a, b) => a.start - b.start);

  // Where each day ends: the next day, the excerpt marker, or a heading (or bold line) that
  // closes its section.
  const boldOnlyLines = blocks.flatMap((b) => {
    if (b.kind !== 'paragraph') return [];
    const atoms = atomsOf(b.lines[0].inline).filter((a) => a.text.trim());
    return atoms.length && atoms.every((a) => a.type === 'text' && a.marks.includes('strong')) ? [{ at: b.start, text: atomsText(atoms) }] : [];
  });
  markers.forEach((m, i) => {
    const next = markers[i + 1]?.start ?? markdown.length;
    let end = next;
    for (const x of barriers) if (x > m.start && x < end) end = x;
    if (m.style === 'item') end = Math.min(end, m.closes);
    for (let i = firstAfter(m.end); i < blocks.length && blocks[i].start < end; i++) {
      const b = blocks[i];
      if (b.kind !== 'heading' || parseDayLabel(headingText(b))) continue;
      const closes =
        m.style === 'heading'
          ? b.depth === m.depth || (b.depth < m.depth && !hasSignals(headOfHeading(b)))
          : isGenericHeading(headingText(b));
      if (closes) {
        end = b.start;
        break;
      }
    }
    if (m.style === 'lead-in') {
      // A bold line of its own ("**After the conference**") ends a day that a bold lead-in opened.
      const within: typeof boldOnlyLines = [];
      for (let i = bisectBy(boldOnlyLines, (l) => l.at, m.end); i < boldOnlyLines.length && boldOnlyLines[i].at < end && within.length < 3; i++) within.push(boldOnlyLines[i]);
      const closer = within.find((l) => !parseDayLabel(l.text.replace(/:$/, '')) && !/\bby\b|[([]/.test(l.text));
      if (closer && within.length <= 2) end = closer.at;
    }
    m.closes = end;
  });
  // Days never overlap: the only day that can hold an offset is the last one starting before it.
  const dayAt = (at: number) => {
    const m = markers[bisectBy(markers, (x) => x.start, at) - 1];
    return m && at < m.closes ? m : null;
  };
  const markerBlocks = new Set<number>();
  for (const m of markers) {
    if (m.style === 'item') continue;
    const b = blockAt(m.start);
    if (b && (m.style === 'heading' || b.lines.length === 1 || m.start === b.lines[0]?.start)) markerBlocks.add(b.id);
  }
  const isMarkerBlock = (b: Block) => markerBlocks.has(b.id);

  // ---- sections: the heading each block sits under, and sections that hold no talks
  const sectionOf = new Map<number, Block | null>();
  const parentHeadingOf = new Map<number, Block | null>();
  const excluded = new Set<number>();
  const stack: Block[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') {
      while (stack.length && stack[stack.length - 1].depth >= b.depth) stack.pop();
      parentHeadingOf.set(b.id, [...stack].reverse().find((h) => !parseDayLabel(headingText(h))) ?? null);
      stack.push(b);
    }
    const ancestors = b.kind === 'heading' ? stack.slice(0, -1) : stack;
    sectionOf.set(b.id, [...stack].reverse().find((h) => h.id !== b.id && !parseDayLabel(headingText(h))) ?? null);
    if (ancestors.some((h) => OWN_TALKS.test(norm(headingText(h))))) excluded.add(b.id);
  }

  // ---- candidates
  const candidates: Candidate[] = [];
  const make = (c: Omit<Candidate, 'id' | 'score' | 'reasons' | 'day' | 'end' | 'group'> & { group?: string }) => {
    candidates.push({ ...c, id: candidates.length, group: c.group ?? `${c.shape}:${c.block.id}`, day: null, score: 0, reasons: [], end: c.start });
  };
  const fromHead = (shape: Candidate['shape'], block: Block, head: Head, start: number, noteStart: number, group: string) =>
    make({ shape, block, start, noteStart, at: start, title: head.title, url: head.url, speakers: head.speakers, links: head.links, signals: head.signals, prose: head.prose, group });

  for (const b of blocks) {
    if (excluded.has(b.id)) continue;
    const section = sectionOf.get(b.id)?.id ?? 'top';
    if (b.kind === 'heading') {
      if (parseDayLabel(headingText(b)) || isGenericHeading(headingText(b)) || isSectionHeader(b)) continue;
      const found = headOfHeading(b);
      if (found && !(found.namesOnly && found.profiles)) {
        const head = { ...found, links: [...found.links], signals: [...found.signals] };
        fromHead('heading', b, head, b.start, withLinks(head, linksAfter(b, 1), b.end), `h${b.depth}:${parentHeadingOf.get(b.id)?.id ?? 'top'}`);
      }
      continue;
    }
    if (b.kind === 'paragraph') {
      const lines = b.lines;
      const atoms0 = atomsOf(lines[0].inline);
      const lead = atoms0.find((a) => a.text.trim());
      if (!isMarkerBlock(b) && lead?.marks.includes('strong')) {
        const head0 = readHead(atoms0);
        if (head0?.namesOnly && lines.length >= 2) {
          // A speaker line (possibly continued on the next), then the title.
          let titleLine = 1;
          let speakers = head0.namesOnly;
          if (/(?:&|,|\band)\s*$/.test(lines[0].text) && lines.length >= 3) {
            const more = readHead(atomsOf(lines[1].inline))?.namesOnly;
            if (more) {
              speakers = [...speakers, ...more];
              titleLine = 2;
            }
          }
          const head = readHead(atomsOf(lines[titleLine].inline));
          if (head && !head.namesOnly && !readLinkLine(atomsOf(lines[titleLine].inline))) {
            head.speakers = head.speakers.length ? head.speakers : speakers;
            head.signals.push({ kind: 'speaker', detail: `speaker line above the title: ${speakers.join(', ')}` });
            fromHead('speaker-first', b, head, b.start, withLinks(head, linksAfter(b, titleLine + 1), lines[titleLine + 1]?.start ?? b.end), `speaker-first:${section}`);
            continue;
          }
        }
        if (head0 && !(head0.namesOnly && head0.profiles) && !/:\s*$/.test(lead.text.trim()) && !(head0.prose && head0.rest)) {
          const noteStart = head0.restStart ?? withLinks(head0, linksAfter(b, 1), lines[1]?.start ?? b.end);
          // "[Coming soon]" under the title: the author meant to write about this talk.
          const below = lines[1]?.text ?? (blocks[b.id + 1]?.kind === 'paragraph' ? blocks[b.id + 1].lines[0]?.text : '');
          if (below && isPlaceholder(below)) head0.signals.push({ kind: 'placeholder', detail: `a placeholder under it (${below.trim()})` });
          fromHead('bold-line', b, head0, b.start, noteStart, `bold-line:${section}`);
          continue;
        }
      }
    }
    if (b.kind === 'item' && b.lines.length) {
      const atoms = joinAtoms(b.lines);
      const head = readHead(stripDayLead(atoms, markers, b));
      if (head && !head.namesOnly) {
        const headEnd = b.lines[b.lines.length - 1].end;
        fromHead('list-item', b, head, b.start, head.restStart ?? headEnd, `list:${b.list!.id}`);
      }
    }
    if (b.kind === 'paragraph' || b.kind === 'item') {
      const atoms = joinAtoms(b.lines);
      const root = rootOf(b);
      const anchor = root.list ? listEnd.get(root.list.id)! : root.end;
      for (const m of findMentions(atoms)) {
        if (postTitle && (norm(m.title) === postTitle || postTitle.includes(norm(m.title)))) continue;
        make({
          shape: 'mention', block: b, start: anchor, noteStart: anchor, at: m.start, title: m.title, url: m.url, speakers: [], links: [], prose: false,
          signals: [...m.signals, { kind: 'kind-word', detail: `named in a sentence about ${m.cue}` }],
          group: `mention:${m.enumeration > 1 ? `${b.id}:${m.enumeration}` : candidates.length}`,
        });
      }
    }
  }

  // One-item lists in a row, with the notes between them as paragraphs, are one list of talks.
  const runs = new Map<string, string>();
  let lastSingle: { group: string; sectionId: number | string } | null = null;
  for (const b of blocks) {
    if (b.kind === 'heading') lastSingle = null;
    if (b.kind !== 'item' || b.depth !== 1) continue;
    const sectionId = sectionOf.get(b.id)?.id ?? 'top';
    if (b.list!.size === 1 && lastSingle && lastSingle.sectionId === sectionId) runs.set(`list:${b.list!.id}`, lastSingle.group);
    else if (b.list!.size === 1) {
      lastSingle = { group: `run:${b.list!.id}`, sectionId };
      runs.set(`list:${b.list!.id}`, lastSingle.group);
    } else lastSingle = null;
  }
  for (const c of candidates) c.group = runs.get(c.group) ?? c.group;

  // What follows a heading or a bold title until the next one: its notes, read for evidence.
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const g = groups.get(c.group);
    if (g) g.push(c);
    else groups.set(c.group, [c]);
  }
  const nextInGroup = new Map<number, Candidate>();
  for (const g of groups.values()) {
    g.sort((a, b) => a.start - b.start);
    g.forEach((c, i) => g[i + 1] && nextInGroup.set(c.id, g[i + 1]));
  }
  for (const c of candidates) {
    if (c.shape === 'mention' || c.shape === 'list-item') continue;
    const next = nextInGroup.get(c.id)?.start ?? markdown.length;
    const window: Block[] = [];
    for (let i = c.block.id + 1; i < blocks.length && window.length < 8; i++) {
      const b = blocks[i];
      if (b.start >= next || (b.kind === 'heading' && (c.shape !== 'heading' || b.depth <= c.block.depth))) break;
      if (b.start >= c.noteStart) window.push(b);
    }
    const noteAtoms = [
      ...(c.block.kind === 'paragraph' ? c.block.lines.filter((l) => l.start >= c.noteStart).flatMap((l) => atomsOf(l.inline)) : []),
      ...window.flatMap((b) => joinAtoms(b.lines)),
    ];
    c.signals = [...c.signals, ...noteSignals(noteAtoms)];
  }

  // ---- weighing
  const groupStrength = new Map<string, number>();
  for (const [key, g] of groups) groupStrength.set(key, g.filter((x) => x.signals.some((sig) => STRONG_SIGNALS.has(sig.kind)) && !x.prose).length);
  for (const c of candidates) {
    c.day = dayAt(c.at);
    score(c, groups.get(c.group)!, groupStrength.get(c.group)!, { blocks, firstItem, sectionOf, isGenericHeading, postTitle });
  }

  // ---- settling overlaps and duplicates
  let chosen = candidates.filter((c) => c.score >= POSSIBLE);
  for (let pass = 0; pass < 6; pass++) {
    const before = chosen.length;
    chosen = settle(chosen, { blocks, markers, barriers, docEnd: markdown.length, markdown });
    if (chosen.length === before) break;
  }
  const seen = new Set<string>();
  chosen = chosen
    .sort((a, b) => (a.shape === 'mention' ? 1 : 0) - (b.shape === 'mention' ? 1 : 0) || a.at - b.at)
    .filter((c) => {
      const key = norm(c.title);
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.at - b.at);

  // ---- days, talks, notes
  const lineOf = lineIndex(markdown, ctx.lineOffset ?? 0);

  // Days with talks, numbered days, and named days between two with talks ("a day is still a day").
  const firstTalkOf = new Map<DayMarker, Candidate>();
  for (const c of chosen) if (c.day && !firstTalkOf.has(c.day)) firstTalkOf.set(c.day, c);
  const firstUsed = markers.findIndex((m) => firstTalkOf.has(m));
  const lastUsed = markers.findLastIndex((m) => firstTalkOf.has(m));
  const keptMarkers = markers.filter((m, i) => firstTalkOf.has(m) || m.label.number !== null || (firstUsed !== -1 && i > firstUsed && i < lastUsed));
  const plan = PLAN.test(atomsText(blocks.filter((b) => b.kind !== 'other').slice(0, 8).flatMap((b) => joinAtoms(b.lines)))) || /\b(?:schedule|preview|plan)\b/i.test(ctx.postTitle ?? '');
  const resolved = resolveDays(keptMarkers.map((m) => m.label), ctx.postDate ?? '2000-01-01', plan);

  const dayOf = new Map<DayMarker, ParsedDay>();
  keptMarkers.forEach((m, i) => {
    const introEnd = firstTalkOf.get(m)?.start ?? m.closes;
    const introBlocks: Block[] = [];
    for (let j = firstAfter(m.end - 1); j < blocks.length && blocks[j].start < introEnd && introBlocks.length < 12; j++) if (blocks[j].kind !== 'heading' && blocks[j].start >= m.end) introBlocks.push(blocks[j]);
    const intro = introBlocks.map((b) => b.text).join(' ');
    const day: ParsedDay = {
      label: `Day ${resolved[i].number}`,
      number: resolved[i].number,
      heading: m.text,
      date: resolved[i].date,
      track: m.label.track,
      host: m.label.host ?? findHost(intro),
      talks: [],
    };
    dayOf.set(m, day);
  });
  let unnamed: ParsedDay | null = null;
  const talks: ParsedTalk[] = [];
  const extents: BodyLayout['talks'] = [];
  chosen.forEach((c, index) => {
    let day = c.day ? dayOf.get(c.day)! : null;
    if (!day) {
      unnamed ??= { label: null, number: null, heading: null, date: null, track: null, host: null, talks: [] };
      day = unnamed;
    }
    const note = c.shape === 'mention' ? '' : noteOf(markdown, c);
    const talk: ParsedTalk = {
      index,
      title: c.title,
      url: c.url,
      speakers: c.speakers,
      links: c.links,
      note,
      confidence: Math.round(Math.min(1, c.score) * 100) / 100,
      reasons: c.reasons,
      shape: c.shape,
      source: { from: lineOf(c.shape === 'mention' ? c.at : c.start), to: lineOf(Math.max(c.at, c.end - 1)), excerpt: excerptOf(markdown, c) },
      slug: null,
      kind: null,
    };
    day.talks.push(talk);
    talks.push(talk);
    extents.push({ index, start: c.start, end: c.shape === 'mention' ? c.start : c.end });
  });
  // Days in the order the post has them; talks without a day where they first appear.
  const ordered = [...dayOf.entries()].sort((a, b) => a[0].start - b[0].start).map(([, d]) => d);
  if (unnamed) {
    const first = chosen.find((c) => !c.day)!;
    const pos = [...dayOf.entries()].filter(([m]) => m.start < first.at).length;
    ordered.splice(pos, 0, unnamed);
  }

  const structural = structuralRanges({ blocks, markers, chosen, candidates, firstAfter, blockAt, firstChild });
  const layout: BodyLayout = { markdown, talks: extents, structural, barriers, marked: null };
  const warnings = ordered.filter((d) => d.number !== null && d.talks.length === 0).map((d) => `${d.label}${d.track ? ` (${d.track})` : ''} lists no talks.`);
  return { body: bodyFor(layout, new Set(talks.filter((t) => t.confidence >= CONFIDENT).map((t) => t.index))), days: ordered, layout, plan, warnings };
}

/** "Monday I'll attend “X” and “Y”": the day's name is not part of the talk. */
function stripDayLead(atoms: Atom[], markers: DayMarker[], b: Block): Atom[] {
  const m = markers.find((x) => x.style === 'item' && x.start === b.start);
  if (!m || atoms[0]?.type !== 'text') return atoms;
  return [{ ...atoms[0], text: atoms[0].text.replace(new RegExp(`^\\s*${m.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[:,]?\\s*`), '') }, ...atoms.slice(1)];
}

type ScoreCtx = {
  postTitle: string;
  blocks: Block[];
  firstItem: Map<number, Block>;
  sectionOf: Map<number, Block | null>;
  isGenericHeading: (text: string) => boolean;
};

/** Per group, once: are all its headings title-like (not prose)? */
const titleLikeGroups = new WeakMap<Candidate[], boolean>();

/** Weighs a candidate: its shape, its own signals, its context and its siblings (`strong` of them with evidence of their own). */
function score(c: Candidate, group: Candidate[], strong: number, ctx: ScoreCtx) {
  const reasons: string[] = [];
  let s = BASE[c.shape];
  const describe: Record<Candidate['shape'], string> = {
    heading: `a heading (level ${c.block.depth})`,
    'bold-line': 'a bold line',
    'speaker-first': 'a speaker line, then the title',
    'list-item': 'a list item',
    mention: 'named in a sentence',
  };
  reasons.push(describe[c.shape] + (c.block.html ? ' in HTML' : ''));

  const problem = titleProblem(c.title);
  if (problem) {
    c.score = 0;
    c.reasons = [`not a title: ${problem}`];
    return;
  }
  let own = 0;
  for (const sig of c.signals) {
    if (c.shape === 'mention' && sig.kind === 'kind-word') continue;
    own += SIGNAL_WEIGHT[sig.kind];
    reasons.push(sig.detail);
  }
  s += Math.min(own, 0.6);

  if (c.day) {
    // Under a day, a heading or a bold title is what a recap lists: a talk.
    s += c.shape === 'heading' ? 0.3 : c.shape === 'bold-line' ? 0.35 : c.shape === 'mention' ? 0.15 : 0.2;
    reasons.push(`under the day “${c.day.text}”`);
  }
  const section = ctx.sectionOf.get(c.block.id);
  const sectionText = section?.lines[0]?.text ?? '';
  if (section && c.shape !== 'heading' && TALK_CUE.test(sectionText) && !parseDayLabel(sectionText)) {
    s += 0.2;
    reasons.push(`under the heading “${sectionText}”`);
  }
  if (c.shape === 'heading') {
    const parent = section && section.depth < c.block.depth ? section : null;
    const parentText = parent?.lines[0]?.text ?? '';
    if (parent && (TALK_CUE.test(parentText) || (ctx.postTitle && norm(parentText).includes(ctx.postTitle)))) {
      s += 0.2;
      reasons.push(`under the heading “${parentText}”`);
    }
  }
  // A lead-in right before the group: "my favourite talks of this year:".
  const first = group[0];
  const leadIn = previousParagraph(ctx, first.block);
  if (c.shape !== 'mention' && leadIn && leadIn.text.length < 400) {
    if (TALK_CUE.test(leadIn.text) && /:\s*$|\b(?:following|below)\b/i.test(leadIn.text)) {
      s += c.shape === 'list-item' ? 0.3 : 0.2;
      reasons.push(`introduced by “${shorten(leadIn.text)}”`);
    } else if (NEGATIVE_CUE.test(leadIn.text) && /:\s*$/.test(leadIn.text)) {
      s -= 0.3;
      reasons.push(`but introduced by “${shorten(leadIn.text)}”`);
    }
  }
  if (c.shape === 'mention') {
    const cue = c.signals.find((x) => x.kind === 'kind-word');
    s += 0.25;
    if (cue) reasons.push(cue.detail);
    if (group.length > 1) {
      s += 0.1;
      reasons.push(`one of ${group.length} sessions named together`);
    }
    if (section && ctx.isGenericHeading(sectionText)) s -= 0.2;
  }

  // Siblings: a group where most members carry their own evidence makes the rest believable.
  if (group.length >= 2 && c.shape !== 'mention') {
    const ratio = strong / group.length;
    if (ratio >= 0.25) {
      s += 0.35 * Math.min(1, ratio / 0.5);
      reasons.push(`one of ${group.length} ${c.shape === 'heading' ? 'headings' : c.shape === 'list-item' ? 'items' : 'entries'} alike, ${strong} with speakers or links`);
    } else if (group.length >= 3 && c.shape === 'heading' && titleLike(group)) {
      s += 0.15;
      reasons.push(`one of ${group.length} headings alike`);
    }
  }
  if (titleCase(c.title) >= 0.6) s += 0.05;
  if (/^\p{Ll}/u.test(c.title)) s -= 0.1;
  if (c.prose) {
    s -= 0.4;
    reasons.push('but the line goes on as a sentence');
  }
  if (c.title.split(/\s+/).length > 14) s -= 0.15;
  // Title Case reads like a name too: only a light doubt ("Tasty Topics" is a talk).
  if (!c.speakers.length && isPersonName(c.title)) s -= 0.15;
  if (c.links.length && c.links.every((l) => l.kind === 'other') && !c.url) s -= 0.05;
  c.score = Math.max(0, s);
  c.reasons = reasons;
}


function titleLike(group: Candidate[]): boolean {
  if (!titleLikeGroups.has(group)) titleLikeGroups.set(group, group.every((g) => !g.prose && titleCase(g.title) >= 0.5));
  return titleLikeGroups.get(group)!;
}

function previousParagraph({ blocks, firstItem }: ScoreCtx, b: Block): { text: string } | null {
  // The paragraph before a list (or before a group's first member), at the same level.
  const start = b.list ? firstItem.get(b.list.id)! : b;
  for (let i = start.id - 1; i >= 0 && i >= start.id - 200; i--) {
    const p = blocks[i];
    if (p.parent !== start.parent) continue;
    if (p.kind === 'paragraph') return { text: p.lines.map((l) => l.text).join(' ') };
    return null;
  }
  return null;
}

const shorten = (s: string) => (s.length > 70 ? `${s.slice(0, 67).trimEnd()}…` : s);

type SettleCtx = { blocks: Block[]; markers: DayMarker[]; barriers: number[]; docEnd: number; markdown: string };

/** First index in `items` (sorted by `key`) whose key is greater than `after`. */
function bisectBy<T>(items: T[], key: (item: T) => number, after: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Each chosen talk's extent; drops what turns out to be part of a stronger talk's note. */
function settle(chosen: Candidate[], { blocks, markers, barriers, docEnd, markdown }: SettleCtx): Candidate[] {
  const heads = chosen.filter((c) => c.shape !== 'mention').sort((a, b) => a.start - b.start || a.id - b.id);
  const stops = [...markers.filter((m) => m.style !== 'item').map((m) => m.start), ...barriers].sort((a, b) => a - b);
  const mentionStarts = chosen.filter((m) => m.shape === 'mention' && m.score >= CONFIDENT).map((m) => m.block.start).sort((a, b) => a - b);
  const nextOfGroup = new Map<number, Candidate>();
  const lastOfGroup = new Map<string, Candidate>();
  for (const c of heads) {
    const prev = lastOfGroup.get(c.group);
    if (prev) nextOfGroup.set(prev.id, c);
    lastOfGroup.set(c.group, c);
  }
  for (const c of heads) {
    let boundary = docEnd;
    const consider = (at: number | undefined) => {
      if (at !== undefined && at > c.start && at < boundary) boundary = at;
    };
    consider(stops[bisectBy(stops, (x) => x, c.start)]);
    consider(nextOfGroup.get(c.id)?.start);
    // A paragraph that names another talk ends a heading's or a bold title's note.
    if (c.shape !== 'list-item') consider(mentionStarts[bisectBy(mentionStarts, (x) => x, c.noteStart)]);
    for (let i = c.block.id + 1; i < blocks.length && blocks[i].start < boundary; i++) {
      const h = blocks[i];
      if (h.kind === 'heading' && (c.shape !== 'heading' || h.depth <= c.block.depth)) consider(h.start);
    }
    if (c.shape === 'list-item' && !c.group.startsWith('run:')) c.end = c.block.end;
    else {
      // The note ends with the last block that starts before the boundary (not at the boundary's offset).
      let end = Math.max(c.block.end, c.noteStart);
      for (let i = c.block.id; i < blocks.length && blocks[i].start < boundary; i++) {
        const b = blocks[i];
        if (b.parent === null || b.end <= boundary) end = Math.max(end, b.end);
      }
      c.end = closeHtmlLists(markdown, c.noteStart, Math.max(Math.min(end, boundary), c.block.end));
    }
  }
  const dropped = new Set<number>();
  heads.forEach((a, i) => {
    for (let j = i + 1; j < heads.length && heads[j].start < a.end && !dropped.has(a.id); j++) {
      const b = heads[j];
      if (dropped.has(b.id)) continue;
      // An item whose nested items are talks is the session that holds them.
      if ((a.shape === 'list-item' && b.shape === 'list-item' && isInside(blocks, b.block, a.block)) || (b.score > a.score + 0.05 && a.group !== b.group)) dropped.add(a.id);
      else dropped.add(b.id);
    }
  });
  const kept = heads.filter((c) => !dropped.has(c.id));
  const inside = (at: number) => {
    const k = kept[bisectBy(kept, (x) => x.start, at) - 1];
    return !!k && at < k.end;
  };
  return [...kept, ...chosen.filter((c) => c.shape === 'mention' && !inside(c.at))];
}

function isInside(blocks: Block[], inner: Block, outer: Block): boolean {
  for (let p = inner.parent; p !== null; p = blocks[p].parent) if (p === outer.id) return true;
  return false;
}

/** The note: the markdown from the end of the head to the end of the talk, list indentation removed. */
function noteOf(markdown: string, c: Candidate): string {
  if (c.noteStart >= c.end) return '';
  let text = markdown.slice(c.noteStart, c.end);
  if (c.shape === 'list-item') {
    const lineStart = markdown.lastIndexOf('\n', c.block.start - 1) + 1;
    const marker = /^[ \t]*(?:[*+-]|\d+[.)])[ \t]+/.exec(markdown.slice(lineStart));
    const indent = marker ? columns(marker[0]) : 0;
    text = text
      .split('\n')
      .map((line, i) => (i === 0 ? line : dedent(line, indent)))
      .join('\n');
  }
  text = dedentCommon(text.replace(/^[ \t]*(?:[:.–—-][ \t]*)?/, '').replace(/^(?:[ \t]*\n)+/, '').trimEnd());
  // "[Coming soon]" under a title says there is no note yet; a list item's closing tags are no note.
  return text.split('\n').every((l) => !l.trim() || isPlaceholder(l) || /^(?:\s*<\/[a-z][a-z0-9]*>)+\s*$/i.test(l)) ? '' : text;
}

/** Removes the indentation all lines of a note share (a list item's notes were indented under it). */
function dedentCommon(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => columns(/^[ \t]*/.exec(l)![0]));
  const common = indents.length ? Math.min(...indents) : 0;
  return common ? lines.map((l) => dedent(l, common)).join('\n') : text;
}

/** An HTML list a note opened is closed in it too: its closing tags belong to the note. */
function closeHtmlLists(markdown: string, from: number, to: number): number {
  const slice = markdown.slice(from, to);
  let open = (slice.match(/<(?:ul|ol)\b/gi)?.length ?? 0) - (slice.match(/<\/(?:ul|ol)\s*>/gi)?.length ?? 0);
  let end = to;
  const closing = /^\s*<\/(?:ul|ol)\s*>/i;
  while (open > 0) {
    const m = closing.exec(markdown.slice(end, end + 200));
    if (!m) break;
    end += m[0].length;
    open--;
  }
  return end;
}

const columns = (s: string) => [...s].reduce((col, ch) => (ch === '\t' ? col + 4 - (col % 4) : col + 1), 0);
function dedent(line: string, indent: number): string {
  let col = 0;
  let i = 0;
  while (i < line.length && col < indent && (line[i] === ' ' || line[i] === '\t')) {
    col = line[i] === '\t' ? col + 4 - (col % 4) : col + 1;
    i++;
  }
  return line.slice(i);
}

function excerptOf(markdown: string, c: Candidate): string {
  if (c.shape === 'mention') {
    const from = markdown.lastIndexOf('\n', c.at) + 1;
    const to = markdown.indexOf('\n', c.at);
    return markdown.slice(from, to === -1 ? undefined : to).trim().slice(0, 400);
  }
  const head = markdown.slice(c.start, Math.max(c.noteStart, c.block.start + 1)).trim();
  return head.split('\n').slice(0, 4).join('\n').slice(0, 400);
}

type StructuralCtx = {
  blocks: Block[];
  markers: DayMarker[];
  chosen: Candidate[];
  candidates: Candidate[];
  firstAfter: (offset: number) => number;
  blockAt: (offset: number) => Block | null;
  firstChild: Map<number, Block>;
};

/** Day headings, intros, lead-ins and sessions' headers: hidden along with the talks around them. */
function structuralRanges({ blocks, markers, chosen, candidates, firstAfter, blockAt, firstChild }: StructuralCtx): BodyLayout['structural'] {
  const ranges: BodyLayout['structural'] = [];
  const headingMarkers = new Set(markers.filter((m) => m.style === 'heading').map((m) => m.start));
  const talkStarts = new Set(chosen.filter((c) => c.shape !== 'heading').map((c) => c.start));
  for (const m of markers) {
    if (m.style === 'item') continue;
    const block = blockAt(m.start);
    if (block) ranges.push({ start: block.start, end: block.end });
    // Within a day, what sits between its talks (sub-headings, intros) goes with them.
    for (let i = firstAfter(m.end - 1); i < blocks.length && blocks[i].start < m.closes; i++) {
      const b = blocks[i];
      if (b.start >= m.end && b.end <= m.closes && b.parent === null) ranges.push({ start: b.start, end: b.end });
    }
  }
  // The heading right above the first day or the first talk ("## Best talks I attended").
  for (const b of blocks) {
    if (b.kind !== 'heading' || parseDayLabel(b.lines[0]?.text ?? '')) continue;
    const next = blocks[b.id + 1];
    if (next && ((next.kind === 'heading' && next.depth > b.depth && headingMarkers.has(next.start)) || talkStarts.has(next.start))) ranges.push({ start: b.start, end: b.end });
  }
  // A lead-in paragraph ending with a colon, right before a group of talks.
  for (const c of chosen) {
    if (c.shape === 'mention') continue;
    const prev = blocks[c.block.id - 1];
    if (prev && prev.kind === 'paragraph' && prev.parent === c.block.parent && /:\s*$/.test(prev.lines[prev.lines.length - 1]?.text ?? '')) ranges.push({ start: prev.start, end: prev.end });
  }
  // An item that holds talks (a "Lightning talks" slot): its own line.
  const parents = new Set(chosen.map((x) => x.block.parent));
  const chosenIds = new Set(chosen.map((x) => x.id));
  for (const c of candidates) {
    if (c.shape !== 'list-item' || chosenIds.has(c.id)) continue;
    const child = firstChild.get(c.block.id);
    if (child && parents.has(c.block.id)) ranges.push({ start: c.block.start, end: child.start });
  }
  return ranges.sort((a, b) => a.start - b.start);
}

// ------------------------------------------------------------------ the body for a choice of talks

/** Sorted, overlapping ranges → sorted disjoint ones. */
function union(ranges: { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/**
 * The stored body when `chosen` talks are imported: their text (and the day headings and intros
 * between them) goes into skeletons; every other line stays where it was.
 */
export function bodyFor(layout: BodyLayout, chosen: Set<number>): string {
  const { markdown } = layout;
  if (layout.marked) return markedBodyFor(layout, chosen);
  type Region = { start: number; end: number; talks: { index: number; start: number; end: number }[] };
  const regions: Region[] = [];
  const extents = layout.talks.filter((t) => chosen.has(t.index)).sort((a, b) => a.start - b.start || a.index - b.index);
  const structural = union(layout.structural);
  /** Nothing but day headings, intros and blank space between `from` and `to`. */
  const structuralOnly = (from: number, to: number) => {
    if (layout.barriers.some((b) => b >= from && b < to)) return false;
    let at = from;
    for (let i = Math.max(0, bisectBy(structural, (r) => r.end, from) - 1); i < structural.length && structural[i].start < to && at < to; i++) {
      const r = structural[i];
      if (r.end <= at) continue;
      if (r.start > at && markdown.slice(at, r.start).trim()) return false;
      at = Math.max(at, r.end);
    }
    return at >= to || !markdown.slice(at, to).trim();
  };
  /** Pulls a region's start back over the structural blocks right above it (not into the previous region). */
  const extendBack = (start: number, floor: number) => {
    let s = start;
    for (let i = bisectBy(structural, (r) => r.start, start - 1) - 1; i >= 0; i--) {
      const r = structural[i];
      if (r.start < floor || r.start >= s) break;
      if (markdown.slice(Math.min(r.end, s), s).trim() || layout.barriers.some((b) => b >= r.start && b < s)) break;
      s = r.start;
    }
    return s;
  };
  for (const e of extents) {
    const last = regions[regions.length - 1];
    if (e.start === e.end) {
      if (last && last.end === e.start && last.start === last.end) last.talks.push(e);
      else regions.push({ start: e.start, end: e.start, talks: [e] });
      continue;
    }
    if (last && last.end > last.start && last.end <= e.start && structuralOnly(last.end, e.start)) {
      last.end = Math.max(last.end, e.end);
      last.talks.push(e);
    } else if (last && e.start < last.end) {
      last.talks.push(e);
      last.end = Math.max(last.end, e.end);
    } else regions.push({ start: extendBack(e.start, last?.end ?? 0), end: e.end, talks: [e] });
  }

  let out = '';
  let cursor = 0;
  for (const r of regions) {
    const zero = r.start === r.end;
    let start = r.start;
    let end = r.end;
    // Whole lines where the region begins and ends at line boundaries; blank lines around it otherwise.
    const lineStart = markdown.lastIndexOf('\n', start - 1) + 1;
    const atLineStart = !markdown.slice(lineStart, start).trim();
    if (atLineStart) start = Math.max(cursor, lineStart);
    const newline = markdown.indexOf('\n', end);
    const lineEnd = newline === -1 ? markdown.length : newline;
    const atLineEnd = !markdown.slice(end, lineEnd).trim();
    if (atLineEnd && !zero) end = lineEnd;
    const parts: SkeletonPart[] = [];
    let at = start;
    for (const t of r.talks) {
      if (t.start > at) parts.push({ kind: 'text', text: markdown.slice(at, t.start) });
      parts.push({ kind: 'talk', ref: String(t.index) });
      at = Math.max(at, t.end);
    }
    if (at < end) parts.push({ kind: 'text', text: markdown.slice(at, end) });
    const before = markdown.slice(cursor, start);
    const padBefore = zero || !atLineStart ? (before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n') : '';
    const padAfter = zero || !atLineEnd ? '\n\n' : '';
    out += before + padBefore + encodeSkeleton(normalizeParts(parts)) + padAfter;
    cursor = zero ? start : end;
  }
  return out + markdown.slice(cursor);
}

function markedBodyFor(layout: BodyLayout, chosen: Set<number>): string {
  const { markdown } = layout;
  let out = '';
  let cursor = 0;
  for (const r of layout.marked!.regions) {
    out += markdown.slice(cursor, r.start);
    cursor = r.end;
    if (r.generated) continue;
    const parts: SkeletonPart[] = r.parts.map((p) => (p.kind === 'text' ? p : chosen.has(p.index) ? { kind: 'talk', ref: String(p.index) } : { kind: 'text', text: '' }));
    out += encodeSkeleton(normalizeParts(parts));
  }
  return out + markdown.slice(cursor);
}

// ------------------------------------------------------------------ a Hallway export

function readMarked(markdown: string, regions: ReturnType<typeof findMarkedRegions>, ctx: StructureContext): Structure {
  const warnings: string[] = [];
  const days: ParsedDay[] = [];
  const layoutRegions: NonNullable<BodyLayout['marked']>['regions'] = [];
  let index = 0;
  const lineOf = lineIndex(markdown, ctx.lineOffset ?? 0);
  let current: ParsedDay | null = null;
  for (const r of regions) {
    const parts: NonNullable<BodyLayout['marked']>['regions'][number]['parts'] = [];
    for (const p of r.parts) {
      const text = markdown.slice(p.start, p.end);
      if (p.kind === 'text') {
        parts.push({ kind: 'text', text });
        continue;
      }
      const block = readTalkBlock(text);
      if (!block) {
        warnings.push(`A talk at line ${lineOf(p.start)} could not be read (it should start with a bold title): kept as text.`);
        parts.push({ kind: 'text', text });
        continue;
      }
      const m = p.marker;
      const talk: ParsedTalk = {
        index,
        ...block,
        confidence: 1,
        reasons: ['written by Hallway’s export'],
        shape: 'export',
        source: { from: lineOf(p.start), to: lineOf(Math.max(p.start, p.end - 1)), excerpt: text.trim().split('\n')[0] },
        slug: m.slug ?? null,
        kind: m.kind ?? null,
      };
      const same = current && current.number === (m.day ?? null) && current.track === (m.track ?? null) && current.host === (m.host ?? null);
      if (!same) {
        current = { label: m.day ? `Day ${m.day}` : null, number: m.day ?? null, heading: null, date: null, track: m.track ?? null, host: m.host ?? null, talks: [] };
        days.push(current);
      }
      current!.talks.push(talk);
      parts.push({ kind: 'talk', index: index++ });
    }
    layoutRegions.push({ start: r.start, end: r.end, generated: r.generated, parts });
  }
  const layout: BodyLayout = { markdown, talks: [], structural: [], barriers: [], marked: { regions: layoutRegions } };
  const all = new Set(days.flatMap((d) => d.talks.map((t) => t.index)));
  return { body: bodyFor(layout, all), days, layout, plan: false, warnings };
}
