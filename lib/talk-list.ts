/**
 * "Paste a list of talks": one talk per line, `Title — Speaker, Speaker`. Shared by the form's live
 * preview (client) and the server action, so what the author sees counted is what gets added.
 *
 * Accepted separators between title and speakers: an em dash, an en dash, or a hyphen with spaces
 * around it (" - "), the last one found on the line (titles often contain dashes themselves:
 * "Kafka — the good parts — Jane Doe"). Speakers are split on commas, " & " and " and ".
 * An optional leading time ("09:30 ") becomes the start time; list bullets ("- ", "* ", "1. ") are dropped.
 * A line that starts like a time but is none ("25:99 …"), or whose title has no letter or digit
 * ("—"), is flagged rather than read as a title.
 */
export type PastedTalk = { title: string; speakers: string[]; startTime: string | null; line: number };
export type PasteProblem = { line: number; message: string };
/** Every non-empty line as the preview shows it: the talk it adds, or why it adds nothing. */
export type PastedLine = { line: number; text: string } & ({ talk: PastedTalk; problem?: undefined } | { talk?: undefined; problem: string });

const SEPARATOR = /\s+[—–]\s*|\s*[—–]\s+|\s+-\s+/g;
const BULLET = /^(?:[-*•]\s+|\d{1,3}[.)]\s+)/;
const TIME = /^([01]?\d|2[0-3])[:.h]([0-5]\d)\s+/;
/** Shaped like a time of day, whether or not it is one. */
const TIME_LIKE = /^(\d{1,2}[:.h]\d{2})(?:\s+|$)/;
const HAS_WORD = /[\p{L}\p{N}]/u;
export const MAX_PASTED_TALKS = 200;
export const MAX_TITLE = 200;
export const MAX_SPEAKER_NAME = 120;

export function parseTalkList(text: string): { talks: PastedTalk[]; problems: PasteProblem[]; lines: PastedLine[] } {
  const lines: PastedLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const shown = raw.trim();
    let rest = shown.replace(BULLET, '');
    if (!rest) return;
    const flag = (problem: string) => lines.push({ line, text: shown, problem });
    let startTime: string | null = null;
    const time = TIME.exec(rest);
    if (time) {
      startTime = `${time[1].padStart(2, '0')}:${time[2]}`;
      rest = rest.slice(time[0].length);
    } else {
      const looksLikeTime = TIME_LIKE.exec(rest);
      if (looksLikeTime) return flag(`Line ${line}: “${looksLikeTime[1]}” is not a time of day (00:00 to 23:59).`);
    }
    let title = rest;
    let speakerText = '';
    const separators = [...rest.matchAll(SEPARATOR)];
    const last = separators.at(-1);
    if (last && last.index !== undefined) {
      title = rest.slice(0, last.index).trim();
      speakerText = rest.slice(last.index + last[0].length).trim();
    }
    const speakers = speakerText
      .split(/\s*,\s*|\s+&\s+|\s+and\s+/)
      .map((s) => s.trim().replace(/\s+/g, ' '))
      .filter(Boolean);
    if (!HAS_WORD.test(title)) return flag(`Line ${line} has no title.`);
    if (title.length > MAX_TITLE) return flag(`Line ${line}: the title is longer than ${MAX_TITLE} characters.`);
    if (speakers.some((s) => s.length > MAX_SPEAKER_NAME)) return flag(`Line ${line}: a speaker name is longer than ${MAX_SPEAKER_NAME} characters.`);
    lines.push({ line, text: shown, talk: { title, speakers: [...new Set(speakers)], startTime, line } });
  });
  const talks = lines.flatMap((l) => (l.talk ? [l.talk] : []));
  const problems = lines.flatMap((l) => (l.problem ? [{ line: l.line, message: l.problem }] : []));
  if (talks.length > MAX_PASTED_TALKS) problems.push({ line: 0, message: `At most ${MAX_PASTED_TALKS} talks at once.` });
  return { talks, problems, lines };
}
