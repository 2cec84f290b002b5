import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify } from './slug';

describe('slugify', () => {
  it.each([
    ['QCon London 2018', 'qcon-london-2018'],
    ['Streaming SQL Foundations: Why I ❤ Streams+Tables', 'streaming-sql-foundations-why-i-streams-tables'],
    ["Architectures You've Always Wondered About", 'architectures-you-ve-always-wondered-about'],
    ['Jonas Bonér', 'jonas boner'.replace(' ', '-')],
    ['Q&A', 'q-and-a'],
    ['  --  ', 'untitled'],
    ['日本語', 'untitled'],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
    expect(slugify(input)).toMatch(SLUG_PATTERN);
  });

  it('cuts long titles without a trailing hyphen', () => {
    const slug = slugify('word '.repeat(40), 22);
    expect(slug.length).toBeLessThanOrEqual(22);
    expect(slug).toMatch(SLUG_PATTERN);
  });
});
