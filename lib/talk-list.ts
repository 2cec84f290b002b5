/**
 * "Paste a list of talks": one talk per line, `Title — Speaker, Speaker`. Shared by the form's live
 * preview (client) and the server action, so what the author sees counted is what gets added.
 *
 * Accepted separators between title and speakers: an em dash, an en dash, or a hyphen with spaces
 * around it (" - "), the last one found on the line (titles often contain dashes themselves:
 * "Kafka — the good parts — Jane Doe"). Speakers are split on commas, " & " and " and ".
 * An optional leading time ("09:30 ") becomes the start time; list bullets ("- ", "* ", "1. ") are dropped.
 */
export type PastedTalk = { title: string; speakers: string[]; startTime: string | null; line: number };
export type PasteProblem = { line: number; message: string };

const SEPARATOR = /\s+[—–]\s*|\s*[—–]\s+|\s+-\s+/g;
const BULLET = /^(?:[-*•]\s+|\d{1,3}[.)]\s+)/;
const TIME = /^([01]?\d|2[0-3])[:.h]([0-5]\d)\s+/;
export const MAX_PASTED_TALKS = 200;
export const MAX_TITLE = 200;
export const MAX_SPEAKER_NAME = 120;

export function parseTalkList(text: string): { talks: PastedTalk[]; problems: PasteProblem[] } {
  const talks: PastedTalk[] = [];
  const problems: PasteProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    let rest = raw.trim().replace(BULLET, '');
    if (!rest) return;
    let startTime: string | null = null;
    const time = TIME.exec(rest);
    if (time) {
      startTime = `${time[1].padStart(2, '0')}:${time[2]}`;
      rest = rest.slice(time[0].length);
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
    if (!title) return problems.push({ line, message: `Line ${line} has no title.` });
    if (title.length > MAX_TITLE) return problems.push({ line, message: `Line ${line}: the title is longer than ${MAX_TITLE} characters.` });
    if (speakers.some((s) => s.length > MAX_SPEAKER_NAME)) {
      return problems.push({ line, message: `Line ${line}: a speaker name is longer than ${MAX_SPEAKER_NAME} characters.` });
    }
    talks.push({ title, speakers: [...new Set(speakers)], startTime, line });
  });
  if (talks.length > MAX_PASTED_TALKS) problems.push({ line: 0, message: `At most ${MAX_PASTED_TALKS} talks at once.` });
  return { talks, problems };
}
