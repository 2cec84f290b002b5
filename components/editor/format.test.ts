import { describe, expect, it } from 'vitest';
import { formatEdit, insertBlock, MORE_MARKER, type Edit } from './format';

const apply = (text: string, e: Edit) => text.slice(0, e.from) + e.insert + text.slice(e.to);

describe('markdown toolbar edits', () => {
  it('bolds the selection, keeps spaces outside the marks, and toggles back', () => {
    const text = 'a word here';
    const bold = formatEdit('bold', text, { start: 1, end: 7 });
    const after = apply(text, bold);
    expect(after).toBe('a **word** here');
    expect(after.slice(bold.select.start, bold.select.end)).toBe('word');
    expect(apply(after, formatEdit('bold', after, bold.select))).toBe(text);
  });

  it('inserts a placeholder when nothing is selected', () => {
    const e = formatEdit('bold', '', { start: 0, end: 0 });
    expect(apply('', e)).toBe('**bold text**');
    expect(e.select).toEqual({ start: 2, end: 11 });
  });

  it('turns lines into headings and quotes, and back', () => {
    const text = 'one\ntwo';
    const heading = apply(text, formatEdit('heading', text, { start: 0, end: 0 }));
    expect(heading).toBe('## one\ntwo');
    const quoted = apply(text, formatEdit('quote', text, { start: 0, end: text.length }));
    expect(quoted).toBe('> one\n> two');
    expect(apply(quoted, formatEdit('quote', quoted, { start: 0, end: quoted.length }))).toBe(text);
  });

  it('links the selected text and selects the URL to type', () => {
    const text = 'see the talk';
    const e = formatEdit('link', text, { start: 8, end: 12 });
    const after = apply(text, e);
    expect(after).toBe('see the [talk](https://)');
    expect(after.slice(e.select.start, e.select.end)).toBe('https://');
  });

  it('uses inline code for a word and a fenced block for lines', () => {
    expect(apply('run ls now', formatEdit('code', 'run ls now', { start: 4, end: 6 }))).toBe('run `ls` now');
    const text = 'a\nb';
    expect(apply(text, formatEdit('code', text, { start: 0, end: 3 }))).toBe('```\na\nb\n```\n');
  });

  it('puts the excerpt marker and images on lines of their own', () => {
    const text = 'Intro paragraph.\nMore text.';
    const e = formatEdit('more', text, { start: 16, end: 16 });
    expect(apply(text, e)).toBe(`Intro paragraph.\n\n${MORE_MARKER}\n\nMore text.`);
    const img = insertBlock('Hello', { start: 5, end: 5 }, '![x](/uploads/a.png)');
    expect(apply('Hello', img)).toBe('Hello\n\n![x](/uploads/a.png)\n');
  });
});
