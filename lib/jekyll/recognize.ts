/**
 * Recognizers for one line of a recap: is it a talk, and if so, which part is the title, who
 * spoke, and which links are its slides and video? Each shape real recaps use is one branch here:
 *
 *   **[Title](page)** by Ann Lee            bold title, speakers after "by"
 *   Title (Ann Lee): [Slides](…), [Video](…)  speakers in parentheses, links after a colon
 *   Ann Lee - [Title](vimeo)                 speaker before a dash, the title linked to its video
 *   9:15 a.m. (40m) _Title_ by [Ann](…)     a schedule line: the time goes, the rest is read
 *   Title, by Ann Lee. What I thought…       the note starts after the speaker's sentence
 *   **Title** [+](video)                     a bare link after the title
 *
 * The result carries the signals that made it look like a talk (speakers, slides, a video, a
 * conference page, a schedule time), so the caller can weigh them with the line's context.
 */
import { inlineText, type Inline, type Line } from './blocks';
import { isPersonName, isProfileUrl, leadingNames, parseNames } from './names';
import type { LinkKind, TalkLink } from './types';

// ------------------------------------------------------------------ atoms

type Mark = 'strong' | 'em';
/** A line flattened: runs of text and links, each with the emphasis around it. */
export type Atom = { type: 'text' | 'link'; text: string; url: string | null; marks: Mark[]; start: number; end: number };

export function atomsOf(inline: Inline[], marks: Mark[] = []): Atom[] {
  const out: Atom[] = [];
  for (const n of inline) {
    if (n.type === 'text' || n.type === 'code') push(out, { type: 'text', text: n.value, url: null, marks, start: n.start, end: n.end });
    else if (n.type === 'link') out.push({ type: 'link', text: inlineText(n.children).replace(/\s+/g, ' '), url: n.url, marks: [...marks, ...innerMarks(n.children)], start: n.start, end: n.end });
    else if (n.type === 'strong' || n.type === 'em') out.push(...atomsOf(n.children, [...marks, n.type]));
  }
  return out;
}

/** `[**Title**](url)` is a bold link, as much as `**[Title](url)**`. */
function innerMarks(children: Inline[]): Mark[] {
  const meaningful = children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  return meaningful.length === 1 && (meaningful[0].type === 'strong' || meaningful[0].type === 'em') ? [meaningful[0].type] : [];
}

function push(out: Atom[], atom: Atom) {
  const last = out[out.length - 1];
  if (last && last.type === 'text' && atom.type === 'text' && sameMarks(last.marks, atom.marks)) {
    last.text += atom.text;
    last.end = Math.max(last.end, atom.end);
  } else out.push(atom);
}
const sameMarks = (a: Mark[], b: Mark[]) => a.length === b.length && a.every((m) => b.includes(m));
const textOf = (atoms: Atom[]) => atoms.map((a) => a.text).join('').replace(/\s+/g, ' ').trim();
const isBlank = (a: Atom) => a.type === 'text' && !a.text.trim();
const marked = (a: Atom) => a.type === 'link' || a.marks.length > 0;

// ------------------------------------------------------------------ links

const SLIDE_HOSTS = /(?:^|\.)(?:speakerdeck\.com|slideshare\.net|slides\.com|prezi\.com|slid\.es|noti\.st|slideshare\.com)$/i;
const VIDEO_HOSTS = /(?:^|\.)(?:youtube\.com|youtu\.be|youtube-nocookie\.com|vimeo\.com|confreaks\.(?:tv|com|net)|parleys\.com|ustream\.tv|livestream\.com|blip\.tv|vidyard\.com|wistia\.com|twitch\.tv|media\.ccc\.de|pyvideo\.org|dailymotion\.com)$/i;
const SLIDE_FILE = /\.(?:pdf|pptx?|key|odp)(?:$|[?#])/i;
const REFERENCE_HOSTS = /(?:^|\.)(?:wikipedia\.org|amazon\.[a-z.]+|amzn\.to|goodreads\.com|imdb\.com|flickr\.com|imgur\.com|instagram\.com|maps\.google\.com|meetup\.com)$/i;
const TALK_PATH = /(?:^|[/#_-])(?:talks?|sessions?|presentations?|speakers?|schedule|program(?:me)?|agenda|abstracts?|lectures?|keynotes?|proposals?|events?\/\d)(?:$|[/#._-])/i;
const TIME_IN_URL = /\b\d{1,2}[:.]\d{2}\b/;

export type LinkClass = LinkKind | 'profile' | 'reference' | 'page';

const hostOf = (url: string) => {
  try {
    return new URL(url, 'https://relative.invalid').hostname.toLowerCase();
  } catch {
    return '';
  }
};

/** What a link points at, from its address alone. */
export function classifyUrl(url: string): LinkClass {
  const host = hostOf(url);
  if (isProfileUrl(url)) return 'profile';
  if (/infoq\.com$/.test(host) && /\/presentations?\//.test(url)) return 'presentation';
  if (SLIDE_HOSTS.test(host) || SLIDE_FILE.test(url) || /docs\.google\.com\/presentation/.test(url)) return 'slides';
  if (VIDEO_HOSTS.test(host) || /\.(?:mp4|webm|mov|m4v)(?:$|[?#])/i.test(url)) return 'video';
  if (REFERENCE_HOSTS.test(host) || (/(?:^|\.)github\.com$/.test(host) && url.split('/').filter(Boolean).length >= 4)) return 'reference';
  return 'page';
}

/** A conference's own page for a talk: `/presentation/…`, `/talks/…`, `#/june-11/room3/9:15-10:00/…`. */
export function looksLikeTalkPage(url: string): boolean {
  try {
    const u = new URL(url, 'https://relative.invalid');
    const where = decodeURIComponentSafe(u.pathname + u.hash);
    return TALK_PATH.test(where) || (TIME_IN_URL.test(where) && where.length > 12);
  } catch {
    return false;
  }
}

function decodeURIComponentSafe(s: string) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const RESOURCE_LABEL = /^(?:\+|\[\+\]|slides?|the slides|slide ?deck|deck|pdf|video|videos|recording|watch|watch it|watch the video|presentation|screencast|audio|podcast|mp3|transcript|code|source|demo|notes|link|here|abstract|details|info|youtube|vimeo|slideshare|speaker ?deck|infoq|confreaks|blog post|write-?up)$/i;
const UNAVAILABLE = /not\s+(?:yet\s+)?available|coming soon|pending|tba|tbd|to be (?:announced|published)|n\/a|unavailable|soon/i;
const PLACEHOLDER = /^\[?\s*(?:coming soon|tba|tbd|to come|soon|n\/a|todo|notes? (?:coming )?soon|more soon)\s*\.*\s*\]?$/i;

/** The existing label rule: "Presentation", "Slides", "Video"; anything else is "other". */
export function linkKind(label: string): LinkKind {
  const l = label.toLowerCase();
  if (/present|infoq/.test(l)) return 'presentation';
  if (/slide|deck|pdf/.test(l)) return 'slides';
  if (/video|recording|watch|youtube|vimeo|screencast/.test(l)) return 'video';
  return 'other';
}

/** A labelled resource link: the label decides, then the address ("[+](youtube)" is a video). */
function resourceLink(atom: Atom): TalkLink {
  const byLabel = linkKind(atom.text);
  const byUrl = classifyUrl(atom.url!);
  const kind: LinkKind = byLabel !== 'other' ? byLabel : byUrl === 'slides' || byUrl === 'video' || byUrl === 'presentation' ? byUrl : 'other';
  const label = /^\[?\+\]?$/.test(atom.text.trim()) ? kindLabel(kind) : atom.text.trim();
  return { kind, label, url: atom.url };
}
const kindLabel = (kind: LinkKind) => ({ presentation: 'Presentation', slides: 'Slides', video: 'Video', other: 'Link' })[kind];

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text.trim());
}

// ------------------------------------------------------------------ the head of a talk

export type SignalKind = 'speaker' | 'slides' | 'video' | 'presentation' | 'talk-page' | 'time' | 'placeholder' | 'kind-word' | 'note';
export type Signal = { kind: SignalKind; detail: string };

export type Head = {
  title: string;
  url: string | null;
  speakers: string[];
  links: TalkLink[];
  signals: Signal[];
  /** Text after the head on the same line (the start of the note), and where it starts. */
  rest: string;
  restStart: number | null;
  /** Negative evidence: the line goes on as a sentence, the "title" is a sentence or a name. */
  prose: boolean;
  /** The line names people only (the speaker line of a speaker-first block)… */
  namesOnly: string[] | null;
  /** …and they are linked to their profiles, so they are surely names. */
  profiles: boolean;
};

const TIME_PREFIX = /^\s*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)(?:\s*[-–—]\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?)?\s*(?:\(\s*\d{1,3}\s*(?:m|min|mins|minutes|h)\s*\)\s*)?(?:[-–—:|]\s*)?/i;
const KIND_WORD = /\b(?:keynote|panel|workshop|lightning talks?|tutorial|fireside chat|q&a|ama|talk|session|presentation)\b/i;
const QUOTES = /^["“”„«»'‘’‚]+|["“”„«»'‘’‚]+$/g;

/** Strips the quotes a title was written in, and the punctuation a list put after it. */
export function tidyTitle(text: string): string {
  let t = text.replace(/\s+/g, ' ').trim();
  t = t.replace(/[\s:;,–—-]+$/, '').trim();
  if (/^["“„«'‘].*["”»'’]$/.test(t) || /^["“„«'‘][^"“”„«»]*$/.test(t)) t = t.replace(QUOTES, '').trim();
  // One sentence ending in a full stop: the stop is the list's, not the title's ("…after all..." stays).
  if (/[^.]\.$/.test(t) && !/\b(?:[A-Z]|etc|vs|Inc|Ltd|Jr|Sr|St)\.$/.test(t)) t = t.slice(0, -1).trim();
  return t;
}

/** Reasons a text cannot be a talk's title. */
export function titleProblem(title: string): string | null {
  if (!/\p{L}/u.test(title)) return 'no letters';
  if (title.length > 160) return 'too long';
  const words = title.split(/\s+/);
  if (words.length > 20) return 'too many words';
  if (/^(?:https?:\/\/|www\.)|^[\w-]+(?:\.[\w-]+)+(?:\/\S*)?$/i.test(title)) return 'a web address';
  // A full sentence with a full stop inside is prose, not a title.
  if (words.length >= 8 && /[a-z][.!]\s+[A-Z]/.test(title)) return 'a sentence';
  return null;
}

/** Share of the title's longer words that start with a capital (Title Case). */
export function titleCase(title: string): number {
  const words = title.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  if (!words.length) return /^\p{Lu}/u.test(title) ? 1 : 0;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length;
}

function addSpeakerSignal(head: { speakers: string[]; signals: Signal[] }, names: string[], how: string) {
  head.speakers = names;
  head.signals.push({ kind: 'speaker', detail: `${how} ${names.join(', ')}` });
}

/**
 * Reads a line as the head of a talk. `null` when it cannot be one (no title left). Whether it
 * IS one is for the caller to weigh (`signals`, `prose`).
 */
export function readHead(lineAtoms: Atom[]): Head | null {
  let atoms = lineAtoms.filter((a) => a.text !== '');
  while (atoms.length && isBlank(atoms[atoms.length - 1])) atoms = atoms.slice(0, -1);
  const signals: Signal[] = [];
  const links: TalkLink[] = [];

  // 1. A schedule time in front ("9:15 a.m. (50m)", "10:15 - 11:00").
  if (atoms[0]?.type === 'text' && atoms[0].marks.length === 0) {
    const m = TIME_PREFIX.exec(atoms[0].text);
    if (m && m[0].trim() && /\d/.test(m[0]) && m[0].length < atoms[0].text.length + 1) {
      signals.push({ kind: 'time', detail: `a schedule time (${m[0].trim().replace(/[-–—:|]$/, '').trim()})` });
      const rest = atoms[0].text.slice(m[0].length);
      atoms = rest ? [{ ...atoms[0], text: rest, start: atoms[0].start + m[0].length }, ...atoms.slice(1)] : atoms.slice(1);
    }
  }

  // 2. Resource links and placeholders at the end: ": [Slides](…), [Video](…)", " [+](…)", "| Video (not yet available)".
  let end = atoms.length;
  while (end > 0) {
    const a = atoms[end - 1];
    if (a.type === 'link' && RESOURCE_LABEL.test(a.text.trim().replace(/^\[|\]$/g, '')) && end - 1 > 0) {
      const link = resourceLink(a);
      links.unshift(link);
      if (link.kind !== 'other') signals.push({ kind: link.kind, detail: `${link.kind === 'presentation' ? 'a recorded presentation' : link.kind} on ${hostOf(a.url!) || 'the web'}` });
      end--;
    } else if (a.type === 'text' && /^[\s,|;:–—&/()-]*(?:and)?[\s,|;:–—&/()-]*$/i.test(a.text) && end - 1 > 0 && links.length) {
      end--;
    } else if (a.type === 'text' && links.length === 0 && end - 1 > 0) {
      const pending = /(?:^|[\s|,;:])(slides?|video|recording|presentation)\s*\(([^)]*)\)\s*$/i.exec(a.text);
      const soon = /\s*\[(coming soon|tba|tbd|soon)\]\s*$/i.exec(a.text);
      if (pending && UNAVAILABLE.test(pending[2])) {
        links.unshift({ kind: linkKind(pending[1]), label: pending[1], url: null });
        signals.push({ kind: 'placeholder', detail: `${pending[1]} (${pending[2]})` });
        atoms = [...atoms.slice(0, end - 1), { ...a, text: a.text.slice(0, pending.index) }, ...atoms.slice(end)];
        continue;
      }
      if (soon) {
        signals.push({ kind: 'placeholder', detail: `[${soon[1]}]` });
        atoms = [...atoms.slice(0, end - 1), { ...a, text: a.text.slice(0, soon.index) }, ...atoms.slice(end)];
        continue;
      }
      break;
    } else break;
  }
  const core = atoms.slice(0, end).filter((a) => !(isBlank(a) && a.type === 'text'));
  if (!core.length) return null;
  const coreAtoms = atoms.slice(0, end);

  const head: Head = { title: '', url: null, speakers: [], links, signals, rest: '', restStart: null, prose: false, namesOnly: null, profiles: false };
  // Quotes around a linked title (“[Title](…)”) are not text before it.
  const first = coreAtoms.findIndex((a) => !isBlank(a) && !(a.type === 'text' && !a.marks.length && /^[\s"“”'‘’«»]+$/.test(a.text) && coreAtoms.some((b) => marked(b))));
  const lead = coreAtoms[first];

  // A line of names only: "**[Ann Lee](twitter)** & **[Bo Chen](twitter)**:" (a speaker-first block).
  const allText = textOf(coreAtoms).replace(/:$/, '');
  const profileOnly = coreAtoms.filter((a) => a.type === 'link').every((a) => isProfileUrl(a.url!)) && coreAtoms.some((a) => a.type === 'link');
  const names = parseNames(allText, { single: profileOnly || coreAtoms.every((a) => isBlank(a) || a.marks.includes('strong')) });
  if (names && (profileOnly || coreAtoms.filter((a) => !isBlank(a)).every((a) => a.marks.length > 0 || /^[\s&,:]+$/.test(a.text) || /^\s*and\s*$/.test(a.text)))) {
    head.namesOnly = names;
    head.profiles = profileOnly;
  }

  if (marked(lead)) {
    // 3a. A marked title first: the text after it says who spoke, or goes on as prose.
    let titleEnd = first + 1;
    // `**[Move Fast](deck1)** and [Bonus Tracks](deck2) by …`: more decks of the same talk.
    const extraDecks: Atom[] = [];
    while (titleEnd < coreAtoms.length) {
      const a = coreAtoms[titleEnd];
      const next = coreAtoms[titleEnd + 1];
      if (a.type === 'text' && /^\s*(?:and|&|,)\s*$/.test(a.text) && next?.type === 'link' && lead.type === 'link' && classifyUrl(next.url!) === classifyUrl(lead.url!) && classifyUrl(lead.url!) === 'slides') {
        extraDecks.push(next);
        titleEnd += 2;
      } else if (a.marks.length && sameMarks(a.marks, lead.marks) && a.type === 'text' && lead.type === 'text') {
        titleEnd++;
      } else break;
    }
    const titleAtoms = coreAtoms.slice(first, titleEnd).filter((a) => !extraDecks.includes(a) && !(a.type === 'text' && /^\s*(?:and|&|,)\s*$/.test(a.text) && extraDecks.length));
    const after = coreAtoms.slice(titleEnd);
    const afterText = textOf(after);
    const titleText = textOf(titleAtoms);
    takeTitle(head, titleText, titleAtoms.length === 1 && titleAtoms[0].type === 'link' ? titleAtoms[0].url : null);
    for (const deck of extraDecks) links.push({ kind: 'slides', label: deck.text, url: deck.url });
    if (afterText) readAfterTitle(head, after, afterText);
  } else {
    // 3b. Plain text first: "Speaker - [Title](…)", "Title by Speaker", "Title (Speaker)", "Speaker: Title".
    const markIndex = coreAtoms.findIndex((a, i) => i > first && marked(a));
    const before = textOf(coreAtoms.slice(0, markIndex === -1 ? coreAtoms.length : markIndex));
    const speakerLead = markIndex !== -1 ? /^(.+?)\s*[-–—:|]\s*["“”'‘]?$/.exec(before) : null;
    const leadNames = speakerLead ? parseNames(speakerLead[1]) : null;
    if (markIndex !== -1 && leadNames) {
      addSpeakerSignal(head, leadNames, 'speaker before the title:');
      const titleAtom = coreAtoms[markIndex];
      let stop = markIndex + 1;
      while (stop < coreAtoms.length && coreAtoms[stop].type === 'text' && sameMarks(coreAtoms[stop].marks, titleAtom.marks) && titleAtom.type === 'text') stop++;
      takeTitle(head, textOf(coreAtoms.slice(markIndex, stop)), titleAtom.type === 'link' ? titleAtom.url : null);
      const after = coreAtoms.slice(stop);
      const afterText = textOf(after).replace(/^["“”'’]+/, '').trim();
      if (afterText) readAfterTitle(head, after, afterText);
    } else readPlain(head, coreAtoms);
  }
  if (!head.title) return null;
  if (KIND_WORD.test(head.title)) signals.push({ kind: 'kind-word', detail: `“${KIND_WORD.exec(head.title)![0]}” in the title` });
  return head;
}

/** The title, and what its link tells: a video or deck is a resource of the talk, a conference page its page. */
function takeTitle(head: Head, text: string, url: string | null) {
  head.title = tidyTitle(text);
  if (!url) return;
  const cls = classifyUrl(url);
  if (cls === 'slides' || cls === 'video' || cls === 'presentation') {
    head.links.unshift({ kind: cls, label: kindLabel(cls), url });
    head.signals.push({ kind: cls, detail: `the title links to ${hostOf(url) || url}` });
  } else if (cls === 'profile') {
    head.prose = true; // a person's link is a name, not a title
  } else {
    head.url = url;
    if (looksLikeTalkPage(url)) head.signals.push({ kind: 'talk-page', detail: `the title links to a talk page (${hostOf(url)})` });
  }
}

/** After a marked title: " by Ann", " - Ann Lee (@ann)", " (Ann Lee)", or the start of a note. */
function readAfterTitle(head: Head, after: Atom[], afterText: string) {
  // A closing quote or a full stop after the title is no sentence.
  if (/^[\s"”’'.,;!?)\]]*$/.test(afterText)) return;
  const by = /^,?\s*(?:by|from|with)\s+/i.exec(afterText);
  const dash = /^[-–—:|]\s*/.exec(afterText);
  const paren = /^\(([^()]+)\)\s*[:.]?\s*$/.exec(afterText);
  if (paren) {
    const names = parseNames(paren[1], { single: true });
    if (names) return addSpeakerSignal(head, names, 'speakers in parentheses:');
  }
  if (by || dash) {
    const rest = afterText.slice((by ?? dash)![0].length);
    const lead = leadingNames(rest.replace(/\(\s*\[?@?[A-Za-z0-9_]{1,30}\]?(?:\[\d+\])?\s*\)/g, ' '));
    if (lead && lead.names.length) {
      addSpeakerSignal(head, lead.names, by ? `speaker after “${by[0].trim()}”:` : 'speaker after the title:');
      setRest(head, after, lead.rest);
      return;
    }
    // " - a subtitle" with no name in it: part of the title when short, else the note.
    if (dash && rest.split(/\s+/).length <= 6 && !/[.!?]$/.test(rest)) {
      head.title = tidyTitle(`${head.title} – ${rest}`);
      return;
    }
  }
  if (/^[:.]?\s*$/.test(afterText)) return;
  // Anything else continues the sentence the title started: prose, unless the line ends there.
  head.prose = !/^[:.]\s/.test(afterText);
  setRest(head, after, afterText.replace(/^[:.]\s*/, ''));
}

function setRest(head: Head, after: Atom[], rest: string) {
  head.rest = rest;
  if (!rest) return;
  // Find where the rest begins in the source, whatever whitespace the line had.
  const words = rest.split(/\s+/).slice(0, 3).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // The rest may run over a line break (another atom): fewer words then.
  for (let n = words.length; n >= 1; n--) {
    const probe = new RegExp(words.slice(0, n).join('\\s+'));
    for (const atom of after) {
      const m = probe.exec(atom.text);
      if (m) {
        head.restStart = atom.start + m.index;
        return;
      }
    }
  }
  head.restStart = after[0]?.start ?? null;
}

/** A line of plain text: the talk's parts are told apart by words and punctuation only. */
function readPlain(head: Head, atoms: Atom[]) {
  const text = textOf(atoms);
  // "Title by Ann Lee. Note…", "Title, by Ann Lee and Bo Chen."
  // The last few " by "s only: a speaker comes at the end, and a line of a thousand "by"s stays linear.
  const bys = [...text.matchAll(/,?\s+by\s+/gi)].slice(-3);
  for (const by of bys.reverse()) {
    const lead = leadingNames(text.slice(by.index! + by[0].length));
    if (lead && by.index! > 0) {
      head.title = tidyTitle(text.slice(0, by.index));
      addSpeakerSignal(head, lead.names, 'speaker after “by”:');
      setRest(head, atoms, lead.rest);
      return;
    }
  }
  // "Title (Ann Lee)", "Title (Ann Lee, Bo Chen):"
  const paren = /^(.+?)\s*\(([^()]+)\)\s*[:.]?\s*$/.exec(text);
  if (paren) {
    const names = parseNames(paren[2], { single: true });
    if (names) {
      head.title = tidyTitle(paren[1]);
      return addSpeakerSignal(head, names, 'speakers in parentheses:');
    }
  }
  // "Title - Ann Lee" / "Ann Lee - Title" / "Ann Lee: Title"
  const dash = /^(.+?)\s+[-–—|]\s+(.+)$/.exec(text) ?? /^([^:]{3,60}):\s+(.+)$/.exec(text);
  if (dash) {
    const right = parseNames(dash[2].replace(/\s*\(@?\w+\)\s*$/, ''));
    const left = parseNames(dash[1]);
    // Both sides could be names ("Teo Vance: Paper Planes"): "Name: Title" and "Title - Name" are the usual ways.
    const colon = !/^(.+?)\s+[-–—|]\s+(.+)$/.test(text);
    if (right && (!left || !colon)) {
      head.title = tidyTitle(dash[1]);
      return addSpeakerSignal(head, right, 'speaker after the title:');
    }
    if (left) {
      head.title = tidyTitle(dash[2]);
      return addSpeakerSignal(head, left, 'speaker before the title:');
    }
  }
  // "Fireside chat with Ann Lee and Bo Chen"
  const chat = /^(?:.*\b(?:chat|panel|conversation|discussion|interview|q&a|ama)\b.*?)\s+with\s+(.+)$/i.exec(text);
  head.title = tidyTitle(text);
  if (chat) {
    const names = parseNames(chat[1]);
    if (names) addSpeakerSignal(head, names, 'speakers after “with”:');
  }
  // A whole line of plain text that reads as a sentence is prose ("I’ll attend X and Y").
  if (/^\p{Ll}/u.test(text) || /^(?:I|I['’](?:ll|m|ve|d)|We|We['’](?:ll|re))\s/.test(text) || (text.split(/\s+/).length > 12 && titleCase(text) < 0.5)) head.prose = true;
}

// ------------------------------------------------------------------ talks mentioned in prose

const CUE = /\b(?:talks?|sessions?|presentations?|keynotes?|panels?|tutorials?|workshops?|lectures?|lightning|attend(?:ed|ing)?|went to|opted for|watched|saw|dubbed|titled|entitled|called)\b/i;
const ANTI_CUE = /\b(?:book|books|article|blog post|library|framework|tool|product|company|website|site|repo|repository|gem|plugin|hotel|restaurant|bar|pub|lounge|party)\b/i;

export type Mention = { title: string; url: string | null; start: number; end: number; signals: Signal[]; cue: string; enumeration: number };

/** Sentences of a line, split at sentence ends; atoms keep their offsets. */
function sentences(atoms: Atom[]): Atom[][] {
  const out: Atom[][] = [[]];
  for (const a of atoms) {
    if (a.type !== 'text') {
      out[out.length - 1].push(a);
      continue;
    }
    const parts = a.text.split(/(?<=[.!?])\s+(?=[\p{Lu}“"(])/u);
    let at = a.start;
    parts.forEach((p, i) => {
      if (i > 0) out.push([]);
      out[out.length - 1].push({ ...a, text: p, start: at, end: at + p.length });
      at += p.length + 1;
    });
    // "…better. **Bring a jacket**": what follows a finished sentence starts a new one.
    if (/[.!?]["”’)]?\s*$/.test(a.text)) out.push([]);
  }
  return out.filter((s) => s.length);
}

/**
 * Talks named inside sentences: "The sessions I went to were <a>A</a>, <a>B</a> and <b>C</b>",
 * "I opted for **Extending PHP**", "His keynote was dubbed _From X to Y_". A sentence must speak
 * of talks (a cue word) and not of books or products; the named thing must read as a title.
 */
export function findMentions(atoms: Atom[]): Mention[] {
  const found: Mention[] = [];
  for (const sentence of sentences(atoms)) {
    const plain = textOf(sentence.map((a) => (marked(a) ? { ...a, text: ' ∎ ' } : a)));
    const cue = CUE.exec(plain);
    if (!cue || ANTI_CUE.test(plain)) continue;
    const spans = sentence.filter((a) => marked(a) && a.text.trim());
    const candidates: Mention[] = [];
    for (const span of spans) {
      const title = tidyTitle(span.text);
      if (titleProblem(title) || title.split(/\s+/).length > 14) continue;
      if (span.type === 'link' && ['profile', 'reference'].includes(classifyUrl(span.url!))) continue;
      const toTalkPage = span.type === 'link' && looksLikeTalkPage(span.url!);
      if ((isPersonName(title) && !toTalkPage) || /^@/.test(title)) continue;
      if (titleCase(title) < 0.5 && !/["“”]/.test(sentence.map((a) => a.text).join(''))) continue;
      if (title.split(/\s+/).length < 2 && !toTalkPage) continue;
      const signals: Signal[] = [];
      let url: string | null = null;
      if (span.type === 'link') {
        const cls = classifyUrl(span.url!);
        if (cls === 'slides' || cls === 'video' || cls === 'presentation') signals.push({ kind: cls, detail: `links to ${hostOf(span.url!)}` });
        else if (looksLikeTalkPage(span.url!)) {
          url = span.url;
          signals.push({ kind: 'talk-page', detail: `links to a talk page (${hostOf(span.url!)})` });
        } else url = span.url;
      }
      candidates.push({ title, url, start: span.start, end: span.end, signals, cue: cue[0], enumeration: 0 });
    }
    for (const c of candidates) found.push({ ...c, enumeration: candidates.length });
  }
  return found;
}

export { textOf as atomsText };

/**
 * `[Presentation](…) | [Slides](…) | Video (not yet available)`, `[Slides](…), [Video](…)`: a line
 * of links only (and announced ones), the links of the talk above it.
 */
export function readLinkLine(atoms: Atom[]): TalkLink[] | null {
  const links: TalkLink[] = [];
  for (const a of atoms) {
    if (a.type === 'link') {
      if (!a.text.trim()) return null;
      links.push(resourceLink(a));
      continue;
    }
    for (const piece of a.text.split(/[|,]/)) {
      const text = piece.trim();
      if (!text || /^(?:and|&|·|-|–|—|\/)$/i.test(text)) continue;
      const m = /^(.+?)\s*\(([^)]*)\)$/.exec(text);
      if (m && UNAVAILABLE.test(m[2]) && m[1].split(/\s+/).length <= 3) links.push({ kind: linkKind(m[1]), label: m[1].trim(), url: null });
      else return null;
    }
  }
  // One link with a label of its own ("[A Walk Down the Beach](…)") is a title, not a link line.
  const labelled = atoms.some((a) => a.type === 'link' && RESOURCE_LABEL.test(a.text.trim())) || links.some((l) => !l.url);
  return links.length && (labelled || links.length > 1) ? links : null;
}

export function linkSignals(links: TalkLink[]): Signal[] {
  return links.flatMap((l): Signal[] => {
    if (l.kind === 'other') return [];
    if (!l.url) return [{ kind: 'placeholder', detail: `${l.label} (not yet available)` }];
    return [{ kind: l.kind, detail: `${l.kind === 'presentation' ? 'a recorded presentation' : l.kind} on ${hostOf(l.url) || 'the web'}` }];
  });
}

const NOTE_CUE = /\b(?:(?:the|this|that|his|her|their) (?:talk|presentation|session|keynote|tutorial|workshop|speaker|slides)|(?:he|she|they) (?:talked|spoke|presented|showed|explained|demoed|gave)|talked about)\b/i;
const HANDLE_IN_TEXT = /(?:^|[\s(])@[A-Za-z0-9_]{2,15}\b/;

/** Evidence in what follows a title: slides or a video linked, a speaker's @handle, "the talk…". */
export function noteSignals(noteAtoms: Atom[]): Signal[] {
  const signals: Signal[] = [];
  const link = noteAtoms.find((a) => a.type === 'link' && ['slides', 'video', 'presentation'].includes(classifyUrl(a.url!)));
  if (link) signals.push({ kind: 'note', detail: `its notes link ${classifyUrl(link.url!)} on ${hostOf(link.url!)}` });
  const text = textOf(noteAtoms);
  const handle = HANDLE_IN_TEXT.exec(text);
  if (handle) signals.push({ kind: 'note', detail: `its notes name ${handle[0].trim()}` });
  const cue = NOTE_CUE.exec(text.slice(0, 300));
  if (cue) signals.push({ kind: 'note', detail: `its notes speak of “${cue[0]}”` });
  return signals.slice(0, 2);
}

/** The atoms of several lines, as one line (a list item's hard-wrapped text). */
export function joinAtoms(lines: Line[]): Atom[] {
  const out: Atom[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push({ type: 'text', text: ' ', url: null, marks: [], start: line.start, end: line.start });
    out.push(...atomsOf(line.inline));
  });
  return out;
}
