import { describe, expect, it } from 'vitest';
import { findHost, isPersonName, isProfileUrl, leadingNames, parseNames } from './names';

describe('names', () => {
  it('tells names from titles', () => {
    for (const name of ['Ann Lee', 'Ludwig van Beethoven', 'J. R. Smith', 'Bo-Ra Kim', 'Sébastien Doeraene', '山田太郎', 'Σωκράτης Παππάς', '@rosalind']) {
      expect(isPersonName(name), name).toBe(true);
    }
    for (const title of ['Domain Driven Design', 'Tasty Topics', 'Building Bridges', 'The Log', 'Keynote', 'Line Endings Explained']) {
      expect(isPersonName(title), title).toBe(false);
    }
  });

  it('reads lists of names, and the names at the start of a sentence', () => {
    expect(parseNames('Ann Lee, Bo Chen and Cy Diaz')).toEqual(['Ann Lee', 'Bo Chen', 'Cy Diaz']);
    expect(parseNames('Ann Lee & Bo Chen (@bochen)')).toEqual(['Ann Lee', 'Bo Chen']);
    expect(parseNames('Ann Lee and the team')).toBeNull();
    expect(leadingNames('Roy van Rijn. After this talk you can build it yourself.')).toEqual({ names: ['Roy van Rijn'], rest: 'After this talk you can build it yourself.' });
    expect(leadingNames('J. R. Smith and Ann Lee.')).toEqual({ names: ['J. R. Smith', 'Ann Lee'], rest: '' });
  });

  it('ends a host’s name at the end of its sentence, and keeps the same name in another script after it', () => {
    expect(findHost('The room was hosted by Tyler Akidau. Then the talks began.')).toBe('Tyler Akidau');
    expect(findHost('Hosted by Jane Doe (山田花子), who kept time.')).toBe('Jane Doe (山田花子)');
    expect(findHost('hosted by Ann Lee (who was great)')).toBe('Ann Lee');
    expect(findHost('The track was hosted by Ludwig van Beethoven and it was loud')).toBe('Ludwig van Beethoven');
    expect(findHost('Nobody hosted anything.')).toBeNull();
  });

  it('knows a profile link from a repository or a tweet', () => {
    expect(isProfileUrl('https://twitter.com/#!/someone')).toBe(true);
    expect(isProfileUrl('https://github.com/someone')).toBe(true);
    expect(isProfileUrl('https://www.linkedin.com/in/someone')).toBe(true);
    expect(isProfileUrl('https://github.com/someone/repo')).toBe(false);
    expect(isProfileUrl('https://twitter.com/someone/status/123')).toBe(false);
  });
});
