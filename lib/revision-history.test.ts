import { describe, expect, it } from 'vitest';
import { compareRevision, labelRevisions } from './revision-history';

const oldest = { id: 1, title: 'QCon', bodyMarkdown: 'one\ntwo\nthree' };
const newer = { id: 2, title: 'QCon', bodyMarkdown: 'one\ntwo\nthree\nfour' };
const current = { title: 'QCon', bodyMarkdown: 'one\ntwo\nthree\nfour\nfive\nsix' };

describe('revision comparison', () => {
  it('compares the oldest revision with the current text even when "previous" was chosen on a newer one', () => {
    // The list links keep the comparison mode, so following "previous" and then the oldest entry asks for it.
    const shown = compareRevision([newer, oldest], current, { rev: '1', against: 'previous' })!;
    expect(shown.against).toBe('current');
    expect(shown.hasPrevious).toBe(false);
    expect(shown.diff).toMatchObject({ added: 3, removed: 0 });
    expect(shown.diff.rows.filter((r) => r.kind === 'same')).toHaveLength(3);
  });

  it('compares a revision with the one before it when asked', () => {
    const shown = compareRevision([newer, oldest], current, { rev: '2', against: 'previous' })!;
    expect(shown.against).toBe('previous');
    expect(shown.diff).toMatchObject({ added: 1, removed: 0 });
  });

  it('selects the latest revision when none (or an unknown one) is asked for', () => {
    expect(compareRevision([newer, oldest], current, { rev: '99' })?.selected.id).toBe(2);
    expect(compareRevision([], current, {})).toBeNull();
  });
});

describe('revision labels', () => {
  it('names the first version published, later ones updated, and a return to an earlier text restored', () => {
    const a = { title: 'T', bodyMarkdown: 'a' };
    const b = { title: 'T', bodyMarkdown: 'b' };
    const c = { title: 'T', bodyMarkdown: 'c' };
    // Newest first: a was published, b and c were updates, then a came back.
    expect(labelRevisions([a, c, b, a])).toEqual(['restored', 'updated', 'updated', 'published']);
  });
});
