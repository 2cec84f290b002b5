import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/markdown';
import { scanHtml } from './html';
import { convertLiquid, parseImgArgs } from './liquid';
import { splitFrontMatter } from './parse';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
/** A fixture's body, without its front matter. */
const parseFrontMatterFree = (text: string) => splitFrontMatter(text).body;

describe('{% img %}', () => {
  it('follows Octopress’s grammar: [classes] src [width [height]] [title | "title" "alt"]', () => {
    expect(parseImgArgs('/images/a.png')).toEqual({ src: '/images/a.png', width: null, height: null, class: null, title: null, alt: null });
    expect(parseImgArgs('/images/a.png 900')).toMatchObject({ src: '/images/a.png', width: 900, height: null });
    expect(parseImgArgs('left half /images/a.png 300 200 "Title" "Alt text"')).toEqual({
      src: '/images/a.png', width: 300, height: 200, class: 'left half', title: 'Title', alt: 'Alt text',
    });
    expect(parseImgArgs("https://example.com/a.jpg 'Just a title'")).toMatchObject({ src: 'https://example.com/a.jpg', title: 'Just a title', alt: 'Just a title' });
    expect(parseImgArgs('images/relative.png 10')).toMatchObject({ src: 'images/relative.png', width: 10 });
    expect(parseImgArgs('no-source-here')).toBeNull();
  });

  it('becomes an <img> with width, height, alt and title, kept apart from the next line', () => {
    const { markdown, images } = convertLiquid('{% img /images/x.png 900 %}\nNext *line* is markdown.\n');
    expect(markdown).toBe('<img src="/images/x.png" width="900">\n\nNext *line* is markdown.\n');
    expect(images).toEqual([{ src: '/images/x.png', width: 900, height: null, class: null, title: null, alt: null }]);
    const html = renderMarkdown(markdown).html;
    expect(html).toContain('<em>line</em>');
    expect(html).toMatch(/<img src="\/images\/x\.png" width="900"/);
  });
});

describe('block tags', () => {
  it('turns blockquote, pullquote, codeblock, highlight and Octopress fences into markdown', () => {
    const { markdown, warnings } = convertLiquid(parseFrontMatterFree(fixture('2018-11-20-liquid-tags.markdown')));
    expect(markdown).toContain('> The most dangerous phrase is "we\'ve always done it this way".\n>\n> — Grace Hopper, Interview, [Read the interview](https://example.com/hopper)');
    expect(markdown).toContain('> Depth is what you remember a year later.\n\nSmall conferences trade reach for depth. Depth is what you remember a year later. Reach');
    expect(markdown).toContain('*Fold a stream* · [source](https://example.com/fold.rb)\n\n```ruby\nevents.reduce(0) { |sum, e| sum + e.size }\n```');
    expect(markdown).toContain('*Counting words* · [the gist](https://example.com/count.py)\n\n```python\nprint(len(text.split()))\n```');
    expect(markdown).toContain('```js\nconst tag = "{% img /not/an/image.png %}";\n```');
    expect(markdown).not.toMatch(/\{%\s*(?:blockquote|pullquote|codeblock|highlight|end)/);
    expect(warnings).toHaveLength(2);
  });

  it('leaves code blocks, inline code and raw regions literal (only the raw markers go)', () => {
    const { markdown, images, embeds } = convertLiquid(parseFrontMatterFree(fixture('2018-11-20-liquid-tags.markdown')));
    expect(markdown).toContain('```liquid\n{% include footer.html %} stays exactly as typed inside a fence.\n```');
    expect(markdown).toContain('Inline code keeps `{% gist 12345 %}` literal, and {% youtube dQw4w9WgXcQ %} is raw.');
    expect(images).toHaveLength(1);
    expect(embeds.filter((e) => e.url.endsWith('/12345'))).toEqual([]);
    // Raw markers inside code disappear, as Jekyll's output had them gone.
    const code = convertLiquid('```\n{% raw %}\n{{ page.title }}\n{% endraw %}\n```\n');
    expect(code.markdown).toBe('```\n{{ page.title }}\n```\n');
    expect(code.warnings).toEqual([]);
    const indented = convertLiquid('Text:\n\n    {% img /in/code.png %}\n');
    expect(indented.markdown).toBe('Text:\n\n    {% img /in/code.png %}\n');
    expect(indented.images).toEqual([]);
  });

  it('keeps unknown and unpaired tags visible as inline code and lists them, never executing them', () => {
    const { markdown, warnings } = convertLiquid('Before {% include ad.html %} and {{ page.author }} and {% raw %} alone.\n\n{% if user %}secret{% endif %}\n');
    expect(markdown).toBe('Before `{% include ad.html %}` and `{{ page.author }}` and `{% raw %}` alone.\n\n`{% if user %}`secret`{% endif %}`\n');
    expect(warnings).toEqual([
      expect.stringMatching(/^Unknown Liquid tag \{% include ad.html %\} at line 1: kept as text, not executed\.$/),
      expect.stringMatching(/^Unknown Liquid output \{\{ page.author \}\} at line 1/),
      expect.stringMatching(/^Unpaired \{% raw %\} at line 1/),
      expect.stringMatching(/^Unknown Liquid tag \{% if user %\} at line 3/),
      expect.stringMatching(/^Unknown Liquid tag \{% endif %\} at line 3/),
    ]);
    expect(convertLiquid('{% blockquote %}\nnever closed\n').warnings[0]).toMatch(/Unclosed \{% blockquote %\}/);
    expect(convertLiquid('{% codeblock %}\nnever closed\n').warnings[0]).toMatch(/Unclosed \{% codeblock %\} at line 1/);
  });
});

describe('embeds and links', () => {
  it('turns gist, youtube, vimeo, video and post_url into links or safe embeds, and drops site variables', () => {
    const { markdown, embeds } = convertLiquid(parseFrontMatterFree(fixture('2018-11-20-liquid-tags.markdown')));
    expect(embeds).toEqual([
      { kind: 'gist', url: 'https://gist.github.com/1234567#file-fold-rb' },
      { kind: 'youtube', url: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' },
      { kind: 'video', url: 'https://media.example.com/talk.mp4' },
    ]);
    expect(markdown).toContain('[View the gist on GitHub](https://gist.github.com/1234567#file-fold-rb)');
    expect(markdown).toContain('[Watch the video](https://media.example.com/talk.mp4)');
    expect(markdown).toContain('[an older post](/posts/first-steps) and to the [home page](/)');
    expect(convertLiquid('{% vimeo 76979871 %}').embeds).toEqual([{ kind: 'vimeo', url: 'https://player.vimeo.com/video/76979871' }]);
    expect(convertLiquid('{{ page.title }}', { title: 'My title' }).markdown).toBe('My title');

    const html = renderMarkdown(markdown).html;
    expect(html).toContain('<div class="embed embed-youtube"><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(html).not.toMatch(/<script/);
  });

  it('keeps a tweet’s quote, drops widgets.js, lists every embed and warns about what the sanitizer removes', () => {
    const { markdown, embeds, warnings } = scanHtml(parseFrontMatterFree(fixture('2018-03-20-embeds.markdown')));
    expect(markdown).not.toContain('widgets.js');
    expect(markdown).toContain('<blockquote class="twitter-tweet"');
    expect(embeds.map(({ kind, url }) => [kind, url])).toEqual([
      ['twitter', 'https://twitter.com/aspeaker/status/123456789012345678'],
      ['slideshare', 'https://www.slideshare.net/slideshow/embed_code/key/AbCdEf123'],
      ['youtube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
      ['vimeo', 'https://player.vimeo.com/video/76979871'],
      ['facebook', 'https://www.facebook.com/SomeConf/videos/1234567890/'],
      ['other', 'https://maps.example.com/embed?venue=1'],
    ]);
    expect(warnings).toEqual([
      expect.stringMatching(/^Facebook video at line \d+ becomes a link/),
      expect.stringMatching(/^Embedded frame from https:\/\/maps\.example\.com\/embed\?venue=1 at line \d+ is not an allowed embed/),
      expect.stringMatching(/^A <script> at line \d+ will be removed/),
    ]);
    const html = renderMarkdown(markdown).html;
    expect(html).toContain('<blockquote class="tweet">');
    expect(html).toContain('embed-slideshare');
    expect(html).toContain('embed-vimeo');
    expect(html).toContain('Watch the video on Facebook');
    expect(html).not.toMatch(/<script|maps\.example/);
  });
});
