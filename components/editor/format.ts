/**
 * The markdown toolbar's edits, as pure functions of (text, selection): each returns the range to
 * replace, what to put there, and where the selection goes afterwards. The editor applies them
 * through the browser's own text insertion so Ctrl+Z undoes them like typing.
 */
export type Selection = { start: number; end: number };
export type Edit = { from: number; to: number; insert: string; select: Selection };
export type FormatKind = 'heading' | 'bold' | 'italic' | 'link' | 'quote' | 'code' | 'more';

export const MORE_MARKER = '<!-- more -->';

/** Start of the line holding `pos`, and end of the line holding `end`. */
function lineRange(text: string, start: number, end: number) {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  // A selection ending right after a newline does not include the next line.
  const stop = end > start && text[end - 1] === '\n' ? end - 1 : end;
  const nl = text.indexOf('\n', stop);
  return { from, to: nl === -1 ? text.length : nl };
}

/** Wraps the selection in `mark` (or unwraps it when already wrapped); a placeholder when empty. */
function wrap(text: string, sel: Selection, mark: string, placeholder: string): Edit {
  const selected = text.slice(sel.start, sel.end);
  const before = text.slice(Math.max(0, sel.start - mark.length), sel.start);
  const after = text.slice(sel.end, sel.end + mark.length);
  if (selected && before === mark && after === mark) {
    return { from: sel.start - mark.length, to: sel.end + mark.length, insert: selected, select: { start: sel.start - mark.length, end: sel.end - mark.length } };
  }
  if (selected.length > 2 * mark.length && selected.startsWith(mark) && selected.endsWith(mark)) {
    const inner = selected.slice(mark.length, -mark.length);
    return { from: sel.start, to: sel.end, insert: inner, select: { start: sel.start, end: sel.start + inner.length } };
  }
  // Keep surrounding spaces outside the marks: "**word **" is not bold in markdown.
  const lead = selected.match(/^\s*/)![0];
  const trail = selected.slice(lead.length).match(/\s*$/)![0];
  const core = selected.slice(lead.length, selected.length - trail.length) || placeholder;
  const insert = `${lead}${mark}${core}${mark}${trail}`;
  const start = sel.start + lead.length + mark.length;
  return { from: sel.start, to: sel.end, insert, select: { start, end: start + core.length } };
}

/** Adds `prefix` to every selected line, or removes it when every line already has it. */
function prefixLines(text: string, sel: Selection, prefix: string, strip: RegExp): Edit {
  const { from, to } = lineRange(text, sel.start, sel.end);
  const lines = text.slice(from, to).split('\n');
  const all = lines.every((l) => l.startsWith(prefix) || !l.trim());
  const next = lines.map((l) => (all ? (l.startsWith(prefix) ? l.slice(prefix.length) : l) : l.trim() ? prefix + l.replace(strip, '') : l));
  const insert = next.join('\n');
  return { from, to, insert, select: { start: from, end: from + insert.length } };
}

/** Text inserted as a block of its own: blank lines around it unless already there. */
function block(text: string, sel: Selection, content: string, selectInside?: [number, number]): Edit {
  const before = text.slice(0, sel.start);
  const after = text.slice(sel.end);
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after === '' ? '\n' : after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  const insert = `${lead}${content}${trail}`;
  const base = sel.start + lead.length;
  const select = selectInside ? { start: base + selectInside[0], end: base + selectInside[1] } : { start: base + content.length + trail.length, end: base + content.length + trail.length };
  return { from: sel.start, to: sel.end, insert, select };
}

export function formatEdit(kind: FormatKind, text: string, sel: Selection): Edit {
  const selected = text.slice(sel.start, sel.end);
  switch (kind) {
    case 'bold':
      return wrap(text, sel, '**', 'bold text');
    case 'italic':
      return wrap(text, sel, '_', 'emphasis');
    case 'heading':
      return prefixLines(text, sel, '## ', /^#{1,6}\s+/);
    case 'quote':
      return prefixLines(text, sel, '> ', /^>\s?/);
    case 'link': {
      if (/^https?:\/\/\S+$/.test(selected.trim())) {
        const insert = `[link text](${selected.trim()})`;
        return { from: sel.start, to: sel.end, insert, select: { start: sel.start + 1, end: sel.start + 10 } };
      }
      const label = selected || 'link text';
      const insert = `[${label}](https://)`;
      const urlStart = sel.start + label.length + 3;
      return selected
        ? { from: sel.start, to: sel.end, insert, select: { start: urlStart, end: urlStart + 8 } }
        : { from: sel.start, to: sel.end, insert, select: { start: sel.start + 1, end: sel.start + 1 + label.length } };
    }
    case 'code': {
      if (selected.includes('\n') || (!selected && lineIsEmpty(text, sel.start))) {
        const body = selected || 'code';
        const content = '```\n' + body + '\n```';
        return block(text, sel, content, [4, 4 + body.length]);
      }
      return wrap(text, sel, '`', 'code');
    }
    case 'more':
      return block(text, { start: sel.end, end: sel.end }, MORE_MARKER);
  }
}

function lineIsEmpty(text: string, pos: number): boolean {
  const { from, to } = lineRange(text, pos, pos);
  return text.slice(from, to).trim() === '';
}

/** An uploaded image's markdown, as a paragraph of its own at the cursor. */
export function insertBlock(text: string, sel: Selection, content: string): Edit {
  return block(text, sel, content);
}
