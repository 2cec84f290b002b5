import { describe, expect, it } from 'vitest';
import { readBlocks } from './blocks';
import { atomsOf, classifyUrl, findMentions, joinAtoms, readHead, readLinkLine, tidyTitle } from './recognize';

/** The head of the first block of a markdown snippet. */
const head = (markdown: string) => {
  const block = readBlocks(markdown)[0];
  return readHead(block.kind === 'item' ? joinAtoms(block.lines) : atomsOf(block.lines[0].inline));
};
const kinds = (h: ReturnType<typeof head>) => h?.links.map((l) => l.kind) ?? [];

describe('reading one line as a talk', () => {
  it('a bold linked title with speakers after "by"', () => {
    expect(head('**[Queues at Dusk](https://conf.example/talks/queues-at-dusk)** by Mira Holm and Teo Vance')).toMatchObject({
      title: 'Queues at Dusk', url: 'https://conf.example/talks/queues-at-dusk', speakers: ['Mira Holm', 'Teo Vance'], prose: false,
    });
  });

  it('a list item "Title (Speaker, Speaker): [Slides](…), [Video](…)"', () => {
    const h = head('- Folding Paper Planes at Scale (Jo Park, Ana Ruiz): [Slides](https://conf.example/dl/planes.pdf), [Video](https://www.infoq.com/presentations/planes)');
    expect(h).toMatchObject({ title: 'Folding Paper Planes at Scale', speakers: ['Jo Park', 'Ana Ruiz'] });
    // The label decides the kind ("Video" on InfoQ is still the video).
    expect(h!.links).toEqual([
      { kind: 'slides', label: 'Slides', url: 'https://conf.example/dl/planes.pdf' },
      { kind: 'video', label: 'Video', url: 'https://www.infoq.com/presentations/planes' },
    ]);
  });

  it('a speaker before a dash, the title linked to its recording', () => {
    const h = head('  * Rosa Lind - ["Lantern Design for Night Owls"](https://vimeo.com/555111)');
    expect(h).toMatchObject({ title: 'Lantern Design for Night Owls', speakers: ['Rosa Lind'], url: null });
    expect(kinds(h)).toEqual(['video']);
  });

  it('a schedule line: the time goes, an italic title and a linked speaker stay', () => {
    const h = head('* 9:40 a.m. (30m) _Small Batches_ by [Omar Haddad](https://twitter.com/omarh)');
    expect(h).toMatchObject({ title: 'Small Batches', speakers: ['Omar Haddad'] });
    expect(h!.signals.map((s) => s.kind)).toContain('time');
  });

  it('two decks for one talk: the first link is the title, both are its slides', () => {
    const h = head('* [Move Slowly](https://speakerdeck.com/ines/move-slowly) and [Bonus Round](https://speakerdeck.com/ines/bonus-round) by [Ines Duarte](https://twitter.com/ines)');
    expect(h).toMatchObject({ title: 'Move Slowly', speakers: ['Ines Duarte'] });
    expect(kinds(h)).toEqual(['slides', 'slides']);
  });

  it('"Title by Speaker. Note", "Title, by Speaker" and "Speaker: Title"', () => {
    const note = head('* The Patient Compiler by Marek Nowak. A slow start, then the best demo of the day.');
    expect(note).toMatchObject({ title: 'The Patient Compiler', speakers: ['Marek Nowak'], rest: 'A slow start, then the best demo of the day.' });
    expect(head('* Ten Years of Promises, by Sara Ito and Lee Chan.')).toMatchObject({ title: 'Ten Years of Promises', speakers: ['Sara Ito', 'Lee Chan'] });
    expect(head('1. Teo Vance: Paper Planes')).toMatchObject({ title: 'Paper Planes', speakers: ['Teo Vance'] });
    // "Title - subtitle" is not a speaker.
    expect(head('* Caching Systems - Using the Zend Engine')).toMatchObject({ speakers: [] });
  });

  it('a bold title with a bare [+] link to its video, and a bold title with @handle speakers', () => {
    const plus = head('**Make Every Deploy Boring** [+](http://confreaks.tv/videos/boring-deploys)  ');
    expect(plus).toMatchObject({ title: 'Make Every Deploy Boring', prose: false });
    expect(plus!.links).toEqual([{ kind: 'video', label: 'Video', url: 'http://confreaks.tv/videos/boring-deploys' }]);
    expect(head('* **Knots for Programmers** - Ana Ruiz ([@anaruiz](https://twitter.com/anaruiz))')).toMatchObject({ title: 'Knots for Programmers', speakers: ['Ana Ruiz'] });
  });

  it('a chat with its guests, quotes around titles, and announced links', () => {
    expect(head('* Fireside chat with Ann Lee, Bo Chen and Cy Diaz.')).toMatchObject({ speakers: ['Ann Lee', 'Bo Chen', 'Cy Diaz'] });
    expect(tidyTitle('“What Is a Deadline?”')).toBe('What Is a Deadline?');
    expect(tidyTitle('Querying XML - it is just data after all...')).toBe('Querying XML - it is just data after all...');
    expect(readLinkLine(atomsOf(readBlocks('[Slides](https://s.example/a.pdf) | Video (coming soon)')[0].lines[0].inline))).toEqual([
      { kind: 'slides', label: 'Slides', url: 'https://s.example/a.pdf' },
      { kind: 'video', label: 'Video', url: null },
    ]);
    // One link with a label of its own is a title, not a line of links.
    expect(readLinkLine(atomsOf(readBlocks('[A Walk by the Lake](https://c.example/#/day-1/9:15/walk)')[0].lines[0].inline))).toBeNull();
  });

  it('knows prose when it sees it: a bold phrase that starts a sentence, a person instead of a title', () => {
    expect(head('**Lakeside Conf** started today with a very long queue for coffee.')!.prose).toBe(true);
    expect(head('**[Jo Park](https://twitter.com/jopark)**')).toMatchObject({ namesOnly: ['Jo Park'], profiles: true });
  });

  it('tells slides, videos, recorded presentations, profiles and references apart by address', () => {
    expect(classifyUrl('https://speakerdeck.com/u/x/p/y')).toBe('slides');
    expect(classifyUrl('https://www.slideshare.net/someone/some-deck')).toBe('slides');
    expect(classifyUrl('http://conf.example/files/deck.PDF')).toBe('slides');
    expect(classifyUrl('https://youtu.be/abcdefghijk')).toBe('video');
    expect(classifyUrl('http://confreaks.tv/videos/x')).toBe('video');
    expect(classifyUrl('https://www.infoq.com/presentations/x')).toBe('presentation');
    expect(classifyUrl('https://twitter.com/#!/someone')).toBe('profile');
    expect(classifyUrl('https://en.wikipedia.org/wiki/Monoid')).toBe('reference');
    expect(classifyUrl('https://github.com/org/repo')).toBe('reference');
  });
});

describe('talks named in prose', () => {
  const mentions = (markdown: string) => findMentions(joinAtoms(readBlocks(markdown)[0].lines)).map((m) => m.title);

  it('finds each session a sentence about sessions names, linked, bold or italic', () => {
    expect(mentions('The sessions I went to were [Ropes and Knots](https://lakeside.example/talks/ropes), [Paper Planes](https://lakeside.example/talks/planes) and **Lantern Design**.')).toEqual([
      'Ropes and Knots', 'Paper Planes', 'Lantern Design',
    ]);
    expect(mentions('For the afternoon tutorial I opted for <strong>Writing Extensions in C</strong>.')).toEqual(['Writing Extensions in C']);
    expect(mentions('Her keynote was dubbed *From Abacus to Cloud, and beyond*.')).toEqual(['From Abacus to Cloud, and beyond']);
  });

  it('leaves alone books, products, people and sentences that speak of no talk', () => {
    expect(mentions('Everyone got a copy of her book, *The Quiet Stack*, at the talks.')).toEqual([]);
    expect(mentions('We saw demos of [Harbor Box](https://harbor.example), a hosting product.')).toEqual([]);
    expect(mentions('I had dinner with [Jo Park](https://twitter.com/jopark) after the talks.')).toEqual([]);
    expect(mentions('The venue was **Old Warehouse Nine** by the river.')).toEqual([]);
  });
});
