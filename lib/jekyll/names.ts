/**
 * People's names as recaps write them: "by Ann Lee and Bo Chen", "(Russell Miles)",
 * "Mark Rendle - …", "@handle", "hosted by Ludwig van Beethoven". A name is a short run of
 * capitalised words (with the particles of many languages, initials, and words of scripts that
 * have no capitals); a run of title words ("Domain Driven Design") is not.
 */

const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'del', 'della', 'dos', 'das', 'do', 'bin', 'ibn', 'al', 'el', 'ter', 'ten', 'zu', 'af', 'av', 'y', 'e',
]);
const SUFFIXES = new Set(['Jr.', 'Sr.', 'Jr', 'Sr', 'II', 'III', 'IV']);

/**
 * Capitalised words that start titles, name technologies or label sessions far more often than
 * they are anyone's name: a "name" containing one of them is a title.
 */
const TITLE_WORDS = new Set(
  (
    'a an the and or of for to in on at with without by from into onto over under about after before beyond between through ' +
    'how why what when where who which is are was be your my our we you i it its this that these those not no yes all any more ' +
    'introduction intro keynote opening closing panel workshop session sessions talk talks track day lightning tutorial lab ' +
    'summary update overview conclusion notes review recap part chapter q&a ama discussion chat fireside interview ' +
    'using making getting scaling testing building developing designing running writing learning programming ' +
    'design data web api apis app apps architecture architectures microservices services service cloud code software systems system ' +
    'java ruby rails python scala clojure php javascript node go rust kotlin swift haskell erlang elixir sql nosql css html ' +
    'kafka docker kubernetes linux windows mobile ios android react angular vue big fast new modern better best practical advanced ' +
    'functional reactive distributed agile devops security performance machine deep ai ml open source free real world live ' +
    'engineering engineers developers developer team teams community future past present state stream streams streaming ' +
    'one two three four five six seven eight nine ten first second third next last final lessons guide tips tricks ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december ' +
    // Nouns that end titles ("Tasty Topics", "Line Endings Explained") far more often than names do.
    'explained topics systems patterns databases database engines engine objects primer things ideas stories tales secrets myths basics fundamentals ' +
    'essentials principles practices techniques strategies toolkit platform platforms frameworks language languages types functions tests metrics ' +
    'monitoring observability logs events queues actors agents models networks pipelines containers clusters servers browsers users teams ' +
    'leadership management culture career careers hiring interviews happiness productivity scale concurrency consensus simplicity complexity ' +
    'legacy refactoring quality craft craftsmanship magic journey adventure dive world life edge now today revisited reloaded unleashed ' +
    'demystified considered harmful matters beyond inside outside behind across tour deep dives hands lab labs hackers hacking security privacy ' +
    'endings beginnings night nights morning evening'
  ).split(' '),
);

const CASED_WORD = /^\p{Lu}[\p{Ll}\p{Lu}\p{M}'’-]*$/u;
const INITIALS = /^(?:\p{Lu}\.){1,3}$/u;
const UNCASED_WORD = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Georgian}\p{Script=Ethiopic}\p{M}·・]+$/u;
export const HANDLE = /^@[A-Za-z0-9_]{1,30}$/;

const isNameWord = (w: string) => CASED_WORD.test(w) || INITIALS.test(w) || UNCASED_WORD.test(w);

/** One person's name: "Ann Lee", "Ludwig van Beethoven", "J. R. Smith", "山田太郎", "@handle". */
export function isPersonName(text: string, { single = false }: { single?: boolean } = {}): boolean {
  const name = text.trim();
  if (!name || name.length > 60) return false;
  if (HANDLE.test(name)) return true;
  const words = name.split(/\s+/);
  if (words.length === 1 && UNCASED_WORD.test(words[0]) && words[0].length >= 2) return true;
  if (words.length > 5) return false;
  let core = 0;
  for (const [i, w] of words.entries()) {
    if (PARTICLES.has(w) && i > 0 && i < words.length - 1) continue;
    if (SUFFIXES.has(w) && i > 0) continue;
    if (!isNameWord(w)) return false;
    const bare = w.toLowerCase().replace(/[.'’]/g, '');
    if (TITLE_WORDS.has(bare)) return false;
    // "Building", "Discovering": a verb starting a title, not a first name.
    if (i === 0 && /^\p{Lu}\p{Ll}{3,}ing$/u.test(w)) return false;
    core++;
  }
  // One capitalised word could be anything ("Keynote", "Scala"); two or more make a name.
  return core >= 2 || (single && core === 1 && words.length === 1);
}

/** Several names: "Ann Lee, Bo Chen and Cy Diaz", "Ann Lee & Bo Chen", "Ann Lee / Bo Chen". */
export function parseNames(text: string, options: { single?: boolean } = {}): string[] | null {
  const cleaned = text
    .replace(/\(\s*@?[A-Za-z0-9_]{1,30}\s*\)/g, ' ') // "(@handle)" after a name
    .replace(/\s+et al\.?$/i, '')
    .replace(/^[\s,;:–—-]+|[\s,;:.!–—-]+$/g, '')
    .trim();
  if (!cleaned) return null;
  const parts = cleaned.split(/\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&|\+|with)\s+|\s*&\s*|\s+\/\s+/).map((p) => p.trim()).filter(Boolean);
  if (!parts.length || parts.length > 20) return null;
  return parts.every((p) => isPersonName(p, options)) ? parts.map(tidyName) : null;
}

const tidyName = (name: string) => name.replace(/\s+/g, ' ').trim();

/** A word that ends a sentence ("Verburg." but not the initial "J."). */
const endsSentence = (word: string) => /[.!?;]$/.test(word) && !INITIALS.test(word) && !SUFFIXES.has(word) && !/^(?:Dr|St|Mr|Mrs|Ms|Prof)\.$/.test(word);

/**
 * The names at the start of `text` ("Martijn Verburg. Challenging the…" → Martijn Verburg),
 * ending at the end of the sentence; and where the rest of the text begins.
 */
export function leadingNames(text: string): { names: string[]; rest: string } | null {
  const m = /^\s*/.exec(text)!;
  let cursor = m[0].length;
  let cut = -1;
  const re = /\S+/g;
  re.lastIndex = cursor;
  // A list of names is short: a sentence end within the first twenty words, or it is not a name list.
  let count = 0;
  for (let w = re.exec(text); w && count < 20; w = re.exec(text), count++) {
    const word = w[0];
    cursor = w.index + word.length;
    if (endsSentence(word)) {
      cut = cursor;
      break;
    }
  }
  if (cut === -1 && count >= 20) return null;
  const sentence = cut === -1 ? text : text.slice(0, cut);
  const names = parseNames(sentence);
  if (names) return { names, rest: cut === -1 ? '' : text.slice(cut).trim() };
  return null;
}

/** "hosted by NAME": the name ends at the end of its sentence and keeps "(名前)" written after it. */
export function findHost(text: string): string | null {
  const flat = text.replace(/\s+/g, ' ');
  const at = /\bhosted by\s+/i.exec(flat);
  if (!at) return null;
  const rest = flat.slice(at.index + at[0].length);
  const words: string[] = [];
  const re = /\S+/g;
  let end = 0;
  for (let w = re.exec(rest); w && words.length < 8; w = re.exec(rest)) {
    const raw = w[0];
    const stop = endsSentence(raw) || /[,:;)]$/.test(raw);
    const word = (INITIALS.test(raw) ? raw : raw.replace(/[.,;:!?)]+$/, '')).replace(/['’]s$/, '');
    const particle = PARTICLES.has(word) && words.length > 0;
    if (!particle && !isNameWord(word)) break;
    words.push(word);
    end = w.index + w[0].length;
    if (stop) break;
  }
  while (words.length && PARTICLES.has(words[words.length - 1])) words.pop();
  if (!words.length || !words.some((w) => CASED_WORD.test(w) || UNCASED_WORD.test(w))) return null;
  let host = words.join(' ');
  // "Jane Doe (山田花子)": the same name in another script.
  const alias = /^\s*\(([^()]{1,40})\)/.exec(rest.slice(end));
  if (alias && /[^\p{Script=Latin}\p{P}\s\d]/u.test(alias[1])) host += ` (${alias[1].trim()})`;
  return host;
}

const PROFILE_HOSTS = /^(?:www\.|mobile\.)?(?:twitter\.com|x\.com|github\.com|gitlab\.com|linkedin\.com|about\.me|keybase\.io|mastodon\.social|bsky\.app|instagram\.com)$/i;

/** A link to a person's profile (Twitter, GitHub, LinkedIn…), whose text is then a name. */
export function isProfileUrl(url: string): boolean {
  try {
    const u = new URL(url, 'https://x.invalid');
    const segments = [...u.pathname.split('/'), ...u.hash.replace(/^#!?/, '').split('/')].filter(Boolean);
    if (!PROFILE_HOSTS.test(u.hostname)) return false;
    // twitter.com/#!/handle, twitter.com/handle, github.com/handle, linkedin.com/in/handle (a repository is not a person)
    const profile = /linkedin\.com$/.test(u.hostname) ? segments.length === 2 && segments[0] === 'in' : segments.length === 1;
    return profile && !/status|search|hashtag|events?|videos?/.test(u.pathname);
  } catch {
    return false;
  }
}
