import { describe, expect, it } from 'vitest';
import { uniqueSlug } from './post-rules';
import { nameKey, SLUG_PATTERN, slugify, slugParam } from './slug';

describe('slugify', () => {
  it.each([
    ['QCon London 2018', 'qcon-london-2018'],
    ['Streaming SQL Foundations: Why I ❤ Streams+Tables', 'streaming-sql-foundations-why-i-streams-tables'],
    ["Architectures You've Always Wondered About", 'architectures-you-ve-always-wondered-about'],
    ['Jonas Bonér', 'jonas-boner'],
    ['Q&A', 'q-and-a'],
    ['  --  ', 'untitled'],
    ['李小龍', '李小龍'],
    ['山田太郎', '山田太郎'],
    ['Σωκράτης', 'σωκρατης'],
    ['Фёдор Достоевский', 'фёдор-достоевский'],
    ['ガンダム', 'ガンダム'],
    ['हिन्दी भाषा', 'हिन्दी-भाषा'],
    ['김민준', '김민준'],
    ['ＱＣｏｎ　２０１８', 'qcon-2018'],
    ['𠮷野家 2024', '𠮷野家-2024'],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
    expect(slugify(input)).toMatch(SLUG_PATTERN);
  });

  it('gives different names in other scripts different slugs', () => {
    const slugs = ['李小龍', '山田太郎', 'Σωκράτης', '日本', '中国', 'カ', 'ガ'].map((name) => slugify(name));
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('cuts long titles without a trailing hyphen, and never inside a character', () => {
    const slug = slugify('word '.repeat(40), 22);
    expect(slug.length).toBeLessThanOrEqual(22);
    expect(slug).toMatch(SLUG_PATTERN);
    expect(slugify('𠮷'.repeat(10), 3)).toBe('𠮷𠮷𠮷');
  });

  it('de-duplicates with a suffix', () => {
    const taken = new Set(['李小龍', '李小龍-2']);
    expect(uniqueSlug(slugify('李小龍'), (s) => taken.has(s))).toBe('李小龍-3');
  });

  it('refuses upper case, spaces and punctuation in a typed slug', () => {
    for (const bad of ['QCon', 'a b', 'a--b', '-a', 'a_b', 'a/b', '李 小龍']) expect(bad).not.toMatch(SLUG_PATTERN);
  });
});

describe('nameKey', () => {
  it('treats case, spacing and width as the same name, and nothing else', () => {
    expect(nameKey('  Ann   Lee ')).toBe(nameKey('ann lee'));
    expect(nameKey('ＡＮＮ ＬＥＥ')).toBe(nameKey('Ann Lee'));
    expect(nameKey('Ann-Lee')).not.toBe(nameKey('Ann Lee'));
    expect(nameKey('C++')).not.toBe(nameKey('C#'));
    expect(nameKey('李小龍')).not.toBe(nameKey('山田太郎'));
  });
});

describe('slugParam', () => {
  it('decodes what the address bar sent, and leaves malformed encoding to match nothing', () => {
    expect(slugParam(encodeURIComponent('李小龍'))).toBe('李小龍');
    expect(slugParam('qcon-london-2018')).toBe('qcon-london-2018');
    expect(slugParam('%E0%A4%A')).toBe('%E0%A4%A');
  });
});
