import { describe, expect, it } from 'vitest';
import { parseEmbed } from '@/lib/embeds';
import { renderMarkdown } from '@/lib/markdown';
import { parsePost } from './parse';

const DECK = '0123456789abcdef0123456789abcdef';
const embedsOf = (body: string) => {
  const r = parsePost('e.md', `---\ntitle: Embeds\ndate: 2020-01-01\n---\n\n${body}\n`);
  if (!r.ok) throw new Error(r.error);
  return r.post;
};

describe('embeds of the blogging era', () => {
  it('knows every SlideShare embed address and Speaker Deck’s player', () => {
    expect(parseEmbed('//www.slideshare.net/slideshow/embed_code/key/AbC123')?.url).toBe('https://www.slideshare.net/slideshow/embed_code/key/AbC123');
    expect(parseEmbed('https://www.slideshare.net/slideshow/embed_code/12345678?startSlide=3')?.url).toBe('https://www.slideshare.net/slideshow/embed_code/12345678');
    expect(parseEmbed('http://de.slideshare.net/slideshow/embed_code/key/AbC123')?.kind).toBe('slideshare');
    expect(parseEmbed(`https://speakerdeck.com/player/${DECK}`)).toMatchObject({ kind: 'speakerdeck', url: `https://speakerdeck.com/player/${DECK}` });
    expect(parseEmbed('https://speakerdeck.com/someone/some-deck')).toBeNull();
  });

  it('turns Speaker Deck’s script, the Octopress tags and WordPress shortcodes into players', () => {
    const script = embedsOf(`<script async class="speakerdeck-embed" data-id="${DECK}" data-ratio="1.33" src="//speakerdeck.com/assets/embed.js"></script>`);
    expect(script.embeds).toEqual([{ kind: 'speakerdeck', url: `https://speakerdeck.com/player/${DECK}` }]);
    expect(script.warnings.join()).not.toMatch(/script/);
    expect(renderMarkdown(script.body).html).toContain(`<div class="embed embed-speakerdeck"><iframe src="https://speakerdeck.com/player/${DECK}"`);

    expect(embedsOf(`{% speakerdeck ${DECK} %}\n\n{% slideshare 987654 %}`).embeds.map((e) => e.kind)).toEqual(['speakerdeck', 'slideshare']);
    const shortcodes = embedsOf('[slideshare id=1234567&doc=my-deck-101010&w=425]\n\n[youtube https://www.youtube.com/watch?v=dQw4w9WgXcQ]\n\n    [vimeo 12345]');
    expect(shortcodes.embeds).toEqual([
      { kind: 'slideshare', url: 'https://www.slideshare.net/slideshow/embed_code/1234567' },
      { kind: 'youtube', url: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' },
    ]);
    expect(shortcodes.body).toContain('    [vimeo 12345]'); // code stays as written
  });

  it('lists an HTML <video> as a video of its own, with its source, and the Flash-era SlideShare player as slides', () => {
    const video = embedsOf('<video controls width="640">\n<source src="https://media.example/talk.mp4" type="video/mp4">\n</video>');
    expect(video.embeds).toEqual([{ kind: 'video', url: 'https://media.example/talk.mp4' }]);
    expect(video.warnings.join()).toMatch(/<video> at line \d+ cannot be played in posts: it will be removed; link to https:\/\/media\.example\/talk\.mp4 instead/);
    const flash = embedsOf('<object width="425" height="355"><param name="movie" value="http://static.slidesharecdn.com/swf/ssplayer2.swf?doc=deck-101"/><embed src="http://static.slidesharecdn.com/swf/ssplayer2.swf?doc=deck-101" type="application/x-shockwave-flash"></embed></object>');
    expect(flash.embeds.map((e) => e.kind)).toEqual(['slideshare']);
    expect(flash.warnings.join()).toMatch(/SlideShare player from the Flash era/);
  });
});
