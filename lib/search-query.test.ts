import { describe, expect, it } from 'vitest';
import { cleanMarkdownSnippet, MARK_CLOSE as C, MARK_OPEN as O, queryTerms, splitHighlights, toFtsQuery } from './search-query';

describe('toFtsQuery', () => {
  it('quotes every word and makes it a prefix', () => {
    expect(toFtsQuery('kafk')).toBe('"kafk"*');
    expect(toFtsQuery('Cloud-Native  kafka')).toBe('"Cloud"* "Native"* "kafka"*');
  });

  it('turns operators and syntax into plain words, or into nothing', () => {
    expect(toFtsQuery('kafka AND NOT streams')).toBe('"kafka"* "AND"* "NOT"* "streams"*');
    expect(toFtsQuery('NEAR(a b) title:x {a}: ^y')).toBe('"NEAR"* "a"* "b"* "title"* "x"* "a"* "y"*');
    expect(toFtsQuery('"unbalanced ((quote')).toBe('"unbalanced"* "quote"*');
    for (const nothing of ['', '   ', '*', '-', '"', '()', '🎉', '👩‍💻', ':::']) expect(toFtsQuery(nothing)).toBeNull();
    expect(toFtsQuery(undefined)).toBeNull();
    expect(toFtsQuery(['kafka'])).toBeNull();
  });

  it('caps long input', () => {
    expect(queryTerms('word '.repeat(5_000))).toHaveLength(12);
    expect(queryTerms('x'.repeat(10_000))[0]).toHaveLength(40);
  });

  it('keeps letters of every script and folds compatibility forms', () => {
    expect(queryTerms('Malmö 東京 ＫＡＦＫＡ café')).toEqual(['Malmö', '東京', 'KAFKA', 'café']);
  });
});

describe('cleanMarkdownSnippet', () => {
  it('removes markdown syntax but keeps the words and the match markers', () => {
    expect(cleanMarkdownSnippet(`## Why ${O}this${C} works\n\nSee **the [${O}talk${C}](https://x.org/${O}talk${C})** and ![sketch](/a.svg)`)).toBe(
      `Why ${O}this${C} works See the ${O}talk${C} and sketch`,
    );
    expect(cleanMarkdownSnippet('<iframe src="//x"></iframe> `code` snake_case _em_')).toBe('code snake_case em');
    expect(cleanMarkdownSnippet('conversations.\n\n-- The idea\n\n---\n\nnext')).toBe('conversations. The idea next');
  });
});

describe('splitHighlights', () => {
  it('splits marked text into pieces, tolerating stray markers', () => {
    expect(splitHighlights(`a ${O}b${C} c`)).toEqual([
      { text: 'a ', mark: false },
      { text: 'b', mark: true },
      { text: ' c', mark: false },
    ]);
    expect(splitHighlights(`${C}x${O}<script>`)).toEqual([
      { text: 'x', mark: false },
      { text: '<script>', mark: true },
    ]);
  });
});
