import { describe, expect, it } from 'vitest';
import { diffTexts } from './text-diff';

describe('revision diff', () => {
  it('marks added and removed lines, and the words that changed inside them', () => {
    const { rows, added, removed } = diffTexts('one\ntwo three\nfour\n', 'one\ntwo 3\nfour\nfive\n');
    expect(added).toBe(2);
    expect(removed).toBe(1);
    const del = rows.find((r) => r.kind === 'del');
    const add = rows.find((r) => r.kind === 'add');
    expect(del && 'parts' in del && del.parts.filter((p) => p.changed).map((p) => p.text)).toEqual(['three']);
    expect(add && 'parts' in add && add.parts.filter((p) => p.changed).map((p) => p.text)).toEqual(['3']);
  });

  it('folds long unchanged stretches around the changes', () => {
    const before = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n');
    const after = before.replace('line 15', 'line fifteen');
    const { rows } = diffTexts(before, after);
    expect(rows.filter((r) => r.kind === 'fold').map((r) => ('count' in r ? r.count : 0))).toEqual([12, 11]);
  });

  it('finds nothing to show between equal texts', () => {
    expect(diffTexts('same\n', 'same\n')).toMatchObject({ added: 0, removed: 0 });
  });
});

describe('revision diff of appended lines', () => {
  it('shows only the appended lines when the older text has no final line break', () => {
    const { rows, added, removed } = diffTexts('one\ntwo\nthree', 'one\ntwo\nthree\nfour\nfive\nsix\n');
    expect({ added, removed }).toEqual({ added: 3, removed: 0 });
    expect(rows.map((r) => r.kind)).toEqual(['same', 'same', 'same', 'add', 'add', 'add']);
  });
});
