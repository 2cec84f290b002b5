import { diffLines, diffWordsWithSpace } from 'diff';

/**
 * A readable diff of two texts for the revisions page: line by line, and within a changed line
 * the words that changed. Long unchanged stretches fold into "N unchanged lines".
 */
export type DiffPart = { text: string; changed: boolean };
export type DiffRow =
  | { kind: 'same' | 'add' | 'del'; parts: DiffPart[]; oldNo: number | null; newNo: number | null }
  | { kind: 'fold'; count: number };

const CONTEXT = 3;

function splitLines(parts: DiffPart[]): DiffPart[][] {
  const lines: DiffPart[][] = [[]];
  for (const p of parts) {
    const pieces = p.text.split('\n');
    pieces.forEach((piece, i) => {
      if (i > 0) lines.push([]);
      if (piece) lines[lines.length - 1].push({ text: piece, changed: p.changed });
    });
  }
  // A text ending in a newline does not have an extra empty line.
  if (lines.length > 1 && lines[lines.length - 1].length === 0) lines.pop();
  return lines;
}

/**
 * The editor does not keep a final line break the way an import or a seed does: without one,
 * a text and the same text with lines appended would differ on its last line too.
 */
const endLine = (text: string) => (text && !text.endsWith('\n') ? `${text}\n` : text);

export function diffTexts(before: string, after: string): { rows: DiffRow[]; added: number; removed: number } {
  const chunks = diffLines(endLine(before), endLine(after));
  const full: Exclude<DiffRow, { kind: 'fold' }>[] = [];
  let oldNo = 1;
  let newNo = 1;
  let added = 0;
  let removed = 0;
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i];
    const next = chunks[i + 1];
    if (c.removed && next?.added) {
      // A changed block: mark the words that differ on both sides.
      const words = diffWordsWithSpace(c.value, next.value);
      const oldLines = splitLines(words.filter((w) => !w.added).map((w) => ({ text: w.value, changed: !!w.removed })));
      const newLines = splitLines(words.filter((w) => !w.removed).map((w) => ({ text: w.value, changed: !!w.added })));
      for (const parts of oldLines) full.push({ kind: 'del', parts, oldNo: oldNo++, newNo: null });
      for (const parts of newLines) full.push({ kind: 'add', parts, oldNo: null, newNo: newNo++ });
      removed += oldLines.length;
      added += newLines.length;
      i++;
      continue;
    }
    const lines = splitLines([{ text: c.value, changed: !!(c.added || c.removed) }]);
    for (const parts of lines) {
      if (c.added) {
        full.push({ kind: 'add', parts, oldNo: null, newNo: newNo++ });
        added++;
      } else if (c.removed) {
        full.push({ kind: 'del', parts, oldNo: oldNo++, newNo: null });
        removed++;
      } else full.push({ kind: 'same', parts: parts.map((p) => ({ ...p, changed: false })), oldNo: oldNo++, newNo: newNo++ });
    }
  }
  // Fold unchanged runs longer than the context around changes.
  const keep = full.map((r) => r.kind !== 'same');
  full.forEach((r, i) => {
    if (r.kind === 'same') return;
    for (let d = -CONTEXT; d <= CONTEXT; d++) if (full[i + d]) keep[i + d] = true;
  });
  const rows: DiffRow[] = [];
  let folded = 0;
  full.forEach((r, i) => {
    if (keep[i]) {
      if (folded) rows.push({ kind: 'fold', count: folded });
      folded = 0;
      rows.push(r);
    } else folded++;
  });
  if (folded) rows.push({ kind: 'fold', count: folded });
  return { rows, added, removed };
}
