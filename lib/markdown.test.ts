import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import rehypeRaw from 'rehype-raw';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseEmbed, rehypeEmbedGuard } from './embeds';
import { publicImageSizeResolver, renderCommentMarkdown, renderMarkdown, splitExcerpt } from './markdown';

/** Parses HTML the way a browser would (parse5 through rehype-raw), so checks see real elements. */
function parseHtml(html: string): Root {
  const raw = { type: 'raw', value: html } as unknown as RootContent;
  return unified().use(rehypeRaw).runSync({ type: 'root', children: [raw] });
}

function elements(html: string): Element[] {
  const found: Element[] = [];
  visit(parseHtml(html), 'element', (node) => {
    found.push(node);
  });
  return found;
}

const ALLOWED_IFRAME_SRC =
  /^https:\/\/(?:www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}|player\.vimeo\.com\/video\/\d+|www\.slideshare\.net\/slideshow\/embed_code\/key\/[A-Za-z0-9]+)$/;
const FORBIDDEN_TAGS = new Set([
  'script', 'style', 'object', 'embed', 'form', 'meta', 'base', 'link', 'svg', 'math', 'template',
  'noscript', 'textarea', 'button', 'select', 'frame', 'frameset', 'applet', 'video', 'audio', 'body',
]);
const FORBIDDEN_PROPERTIES = new Set(['style', 'srcDoc', 'formAction', 'xLinkHref', 'srcSet', 'poster', 'action']);
// Browsers ignore ASCII whitespace/control characters inside a scheme and match it case-insensitively.
const DANGEROUS_URL = /^(?:javascript|data|vbscript):/;

/** Every reason the rendered HTML is unsafe; empty when it is fine. */
function problems(html: string): string[] {
  const found: string[] = [];
  // Raw-text backstop to the parsed check below: `<` inside a quoted attribute value is inert text.
  if (/<script/i.test(html.replace(/="[^"]*"/g, '=""'))) found.push('<script> in output');
  for (const el of elements(html)) {
    if (FORBIDDEN_TAGS.has(el.tagName)) found.push(`<${el.tagName}>`);
    if (el.tagName === 'iframe' && !ALLOWED_IFRAME_SRC.test(String(el.properties.src))) {
      found.push(`iframe src=${String(el.properties.src)}`);
    }
    if (el.tagName === 'input' && (el.properties.type !== 'checkbox' || el.properties.disabled !== true)) {
      found.push('enabled <input>');
    }
    for (const [key, value] of Object.entries(el.properties)) {
      if (/^on/i.test(key)) found.push(`${el.tagName}[${key}]`);
      if (FORBIDDEN_PROPERTIES.has(key)) found.push(`${el.tagName}[${key}]`);
      const text = (Array.isArray(value) ? value.join(' ') : String(value))
        .replace(/[\u0000-\u0020\u007f-\u00a0]/g, '')
        .toLowerCase();
      if (DANGEROUS_URL.test(text)) found.push(`${el.tagName}[${key}]=${text}`);
    }
  }
  return found;
}

describe('renderMarkdown: hostile input', () => {
  it.each([
    ['script tag', '<script>alert(1)</script>'],
    ['uppercase script with src', '<SCRIPT SRC=//evil.example/x.js></SCRIPT>'],
    ['nested script split', '<scr<script>ipt>alert(1)</script>'],
    ['img onerror', '<img src=x onerror=alert(1)>'],
    ['svg onload', '<svg onload=alert(1)>'],
    ['script inside svg', '<svg><script>alert(1)</script></svg>'],
    ['svg xlink:href', '<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">x</text></a></svg>'],
    ['math/mglyph mXSS', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
    ['javascript: href', '<a href="javascript:alert(1)">x</a>'],
    ['mixed-case scheme', '<a href="JaVaScRiPt:alert(1)">x</a>'],
    ['decimal entities', '<a href="&#106;&#97;vascript:alert(1)">x</a>'],
    ['hex entities and &colon;', '<a href="&#x6A;avascript&colon;alert(1)">x</a>'],
    ['entity inside the scheme', '<a href="javas&#99;ript&#58;alert(1)">x</a>'],
    ['tab in scheme', '<a href="jav&#x09;ascript:alert(1)">x</a>'],
    ['newline in scheme', '<a href="java\nscript:alert(1)">x</a>'],
    ['leading spaces', '<a href="  javascript:alert(1)">x</a>'],
    ['leading control char', '<a href="&#x01;&#14; javascript:alert(1)">x</a>'],
    ['data:text/html link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
    ['vbscript link', '<a href="vbscript:msgbox(1)">x</a>'],
    ['markdown javascript link', '[x](javascript:alert(1))'],
    ['markdown uppercase link', '[x](JAVASCRIPT:alert(1) "t")'],
    ['markdown autolink', '<javascript:alert(1)>'],
    ['markdown reference link', '[x]\n\n[x]: javascript:alert(1)'],
    ['markdown image javascript', '![x](javascript:alert(1))'],
    ['markdown image data', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
    ['raw img with data src', '<img src="data:image/png;base64,AAAA" alt="x">'],
    ['img src with newline scheme', '<img src="jav&#x0A;ascript:alert(1)">'],
    ['img srcset', '<img src="https://ok.example/a.png" srcset="javascript:alert(1) 1x">'],
    ['picture source', '<picture><source srcset="data:image/svg+xml,x"><img src="https://ok.example/a.png" alt=""></picture>'],
    ['iframe evil src', '<iframe src="https://evil.example/"></iframe>'],
    ['iframe javascript src', '<iframe src="javascript:alert(1)"></iframe>'],
    ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ['allowed iframe with srcdoc and onload', '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" srcdoc="<script>alert(1)</script>" onload="alert(1)"></iframe>'],
    ['look-alike host', '<iframe src="https://www.youtube.com.evil.example/embed/dQw4w9WgXcQ"></iframe>'],
    ['credentials in host', '<iframe src="https://www.youtube.com@evil.example/embed/dQw4w9WgXcQ"></iframe>'],
    ['facebook with javascript href', '<iframe src="https://www.facebook.com/plugins/video.php?href=javascript%3Aalert(1)"></iframe>'],
    ['facebook pointing elsewhere', '<iframe src="https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fevil.example%2Fvideos%2F1"></iframe>'],
    ['object', '<object data="javascript:alert(1)"></object>'],
    ['embed', '<embed src="javascript:alert(1)">'],
    ['form with formaction', '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button><input type="submit"></form>'],
    ['stray input', '<input type="text" autofocus onfocus="alert(1)">'],
    ['isindex', '<isindex action="javascript:alert(1)" type="image">'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['base href', '<base href="javascript:alert(1)//">'],
    ['link stylesheet', '<link rel="stylesheet" href="javascript:alert(1)">'],
    ['style element', '<style>body{background:url(javascript:alert(1))}</style>'],
    ['style attribute', '<p style="background:url(javascript:alert(1))">x</p>'],
    ['details ontoggle', '<details open ontoggle="alert(1)"><summary>x</summary></details>'],
    ['heading handler', '<h2 onmouseover="alert(1)">Title</h2>'],
    ['unknown element handler', '<x-foo onclick="alert(1)">custom</x-foo>'],
    ['body onload', '<body onload="alert(1)">'],
    ['video poster', '<video poster="javascript:alert(1)"><source onerror="alert(1)"></video>'],
    ['unterminated tag', '<div><a href="javascript:alert(1)"'],
    ['unterminated attribute', '<img src="x" onerror="alert(1)'],
    ['attribute-breaking quotes', '<img src="x" alt="\\" onerror=\\"alert(1)">'],
    ['script in attribute value', `<img src=x alt='"><script>alert(1)</script>'>`],
    ['noscript parsing differential', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
    ['comment breakout', '<!--<img src="--><img src=x onerror=alert(1)//">'],
    ['template', '<template><img src=x onerror=alert(1)></template>'],
    ['textarea', '<textarea><script>alert(1)</script></textarea>'],
    ['good link with handler', '<a href="https://ok.example" onclick="alert(1)" style="color:red">ok</a>'],
    ['tweet with javascript link', '<blockquote class="twitter-tweet"><a href="javascript:alert(1)">x</a></blockquote><script src="https://platform.twitter.com/widgets.js"></script>'],
  ])('%s', (_name, input) => {
    const { html, excerptHtml } = renderMarkdown(`Intro.\n\n${input}\n\nOutro.`);
    expect(problems(html)).toEqual([]);
    expect(problems(excerptHtml)).toEqual([]);
    expect(problems(renderCommentMarkdown(input))).toEqual([]);
  });

  it('the checker itself flags unsafe markup', () => {
    expect(problems('<p>a</p><script>alert(1)</script>')).not.toEqual([]);
    expect(problems('<img src=x onerror=alert(1)>')).not.toEqual([]);
    expect(problems('<a href=" JAVA&#x09;SCRIPT:x">x</a>')).not.toEqual([]);
    expect(problems('<iframe src="https://evil.example/"></iframe>')).not.toEqual([]);
  });

  it('prefixes author-chosen ids so they cannot clobber globals', () => {
    const { html } = renderMarkdown('<a id="__next_f" name="config">x</a>');
    expect(html).toContain('id="user-content-__next_f"');
    expect(html).toContain('name="user-content-config"');
  });

  it('keeps safe markup while cleaning it', () => {
    const { html } = renderMarkdown('<a href="https://ok.example" onclick="alert(1)" style="color:red">ok</a>');
    expect(html).toContain('<a href="https://ok.example" rel="noopener noreferrer">ok</a>');
  });
});

describe('embeds', () => {
  it.each([
    ['https://www.youtube.com/embed/dQw4w9WgXcQ', 'youtube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0', 'youtube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ', 'youtube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42', 'youtube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://player.vimeo.com/video/76979871?h=abc', 'vimeo', 'https://player.vimeo.com/video/76979871'],
    ['https://vimeo.com/76979871', 'vimeo', 'https://player.vimeo.com/video/76979871'],
    ['//www.slideshare.net/slideshow/embed_code/key/aBc123', 'slideshare', 'https://www.slideshare.net/slideshow/embed_code/key/aBc123'],
    [
      'https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fjsconf%2Fvideos%2F1234567890%2F%3Fref%3Dtrack&show_text=0',
      'facebook',
      'https://www.facebook.com/jsconf/videos/1234567890/',
    ],
  ])('parseEmbed(%s)', (src, kind, url) => {
    expect(parseEmbed(src)).toMatchObject({ kind, url });
  });

  it.each([
    'https://www.youtube.com/embed/short',
    'https://www.youtube.com/embed/dQw4w9WgXcQ/../x',
    'https://youtube.com.evil.example/embed/dQw4w9WgXcQ',
    'https://www.youtube.com:8443/embed/dQw4w9WgXcQ',
    'javascript://www.youtube.com/embed/dQw4w9WgXcQ',
    'https://player.vimeo.com/video/abc',
    'https://www.slideshare.net/slideshow/embed_code/key/a-b',
    'https://www.facebook.com/plugins/video.php?href=http%3A%2F%2Fwww.facebook.com%2Fx%2Fvideos%2F1',
    'https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fnotfacebook.com%2Fx%2Fvideos%2F1',
    'https://evil.example/embed/dQw4w9WgXcQ',
  ])('rejects %s', (src) => {
    expect(parseEmbed(src)).toBeNull();
  });

  it('rebuilds a YouTube iframe from its id, on youtube-nocookie', () => {
    const { html } = renderMarkdown(
      '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=1" frameborder="0" allow="autoplay; camera" allowfullscreen></iframe>',
    );
    const [wrapper] = elements(html).filter((el) => el.tagName === 'div');
    expect(wrapper.properties.className).toEqual(['embed', 'embed-youtube']);
    const iframe = wrapper.children[0] as Element;
    expect(iframe.properties).toEqual({
      src: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      title: 'YouTube video',
      loading: 'lazy',
      sandbox: ['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-presentation'],
      allow: 'fullscreen; picture-in-picture',
      allowFullScreen: true,
      referrerPolicy: 'strict-origin-when-cross-origin',
    });
    expect(html).not.toMatch(/<p>\s*<div/);
  });

  it('splits a paragraph around an inline embed instead of nesting a div in it', () => {
    const { html } = renderMarkdown('Watch <iframe src="https://youtu.be/dQw4w9WgXcQ"></iframe> then read.');
    expect(html).toMatch(/^<p>Watch <\/p><div class="embed embed-youtube"><iframe [^>]+><\/iframe><\/div><p> then read\.<\/p>$/);
  });

  it('rebuilds Vimeo', () => {
    const { html } = renderMarkdown('<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e" width="640"></iframe>');
    expect(html).toContain('<div class="embed embed-vimeo"><iframe src="https://player.vimeo.com/video/76979871" title="Vimeo video"');
  });

  it('rebuilds a protocol-relative SlideShare iframe without its junk attributes', () => {
    const { html } = renderMarkdown(
      '<iframe src="//www.slideshare.net/slideshow/embed_code/key/aBc123XyZ" width="595" height="485" frameborder="0" style="border:1px solid #CCC" onload="alert(1)" allowfullscreen></iframe>',
    );
    const iframe = elements(html).find((el) => el.tagName === 'iframe');
    expect(iframe?.properties.src).toBe('https://www.slideshare.net/slideshow/embed_code/key/aBc123XyZ');
    expect(iframe?.properties.title).toBe('Slides on SlideShare');
    expect(Object.keys(iframe?.properties ?? {}).sort()).toEqual(
      ['allow', 'allowFullScreen', 'loading', 'referrerPolicy', 'sandbox', 'src', 'title'].sort(),
    );
    expect(html).toContain('class="embed embed-slideshare"');
    expect(html).not.toMatch(/style|onload|width|frameborder/);
  });

  it('turns a Facebook video player into a link to the video', () => {
    const { html } = renderMarkdown(
      '<iframe src="https://www.facebook.com/plugins/video.php?height=314&href=https%3A%2F%2Fwww.facebook.com%2Fjsconf%2Fvideos%2F1234567890%2F&show_text=false" width="560"></iframe>',
    );
    expect(html).not.toContain('<iframe');
    expect(html).toContain(
      '<p><a href="https://www.facebook.com/jsconf/videos/1234567890/" rel="noopener noreferrer">Watch the video on Facebook</a></p>',
    );
  });

  it('drops iframes that are not embeds, keeping the text around them', () => {
    const { html } = renderMarkdown('Before\n\n<iframe src="https://maps.example/embed?x=1"></iframe>\n\nAfter');
    expect(html).not.toContain('iframe');
    expect(html).toContain('Before');
    expect(html).toContain('After');
  });

  it('keeps a tweet as a plain quote with a link to it, and drops the widget script', () => {
    const { html } = renderMarkdown(
      '<blockquote class="twitter-tweet" data-theme="dark"><p lang="en" dir="ltr">just setting up my <a href="https://t.co/abc">twttr</a></p>&mdash; jack (@jack) <a href="https://twitter.com/jack/status/20?ref_src=twsrc%5Etfw">March 21, 2006</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>',
    );
    expect(html).not.toMatch(/script|twitter-tweet|data-theme/);
    const quote = elements(html).find((el) => el.tagName === 'blockquote');
    expect(quote?.properties.className).toEqual(['tweet']);
    expect(html).toContain('just setting up my <a href="https://t.co/abc" rel="noopener noreferrer">twttr</a>');
    const links = elements(html).filter((el) => el.tagName === 'a');
    expect(links.at(-1)?.properties.href).toBe('https://twitter.com/jack/status/20');
  });

  it('the post-sanitize guard removes any iframe that is not a rebuilt embed', () => {
    const iframe = (src: string): Element => ({ type: 'element', tagName: 'iframe', properties: { src, srcDoc: 'x' }, children: [] });
    const wrapper = (child: Element): Element => ({
      type: 'element',
      tagName: 'div',
      properties: { className: ['embed', 'embed-youtube'] },
      children: [child],
    });
    const tree: Root = {
      type: 'root',
      children: [
        wrapper(iframe('https://evil.example/')),
        wrapper(iframe('https://www.youtube.com/embed/dQw4w9WgXcQ')),
        iframe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'),
        wrapper(iframe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')),
      ],
    };
    unified().use(rehypeEmbedGuard).runSync(tree);
    const left: Element[] = [];
    visit(tree, 'element', (node) => {
      if (node.tagName === 'iframe') left.push(node);
    });
    expect(left).toHaveLength(1);
    expect(left[0].properties.src).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(left[0].properties.srcDoc).toBeUndefined();
  });
});

describe('renderMarkdown: deep nesting', () => {
  const depthOf = (html: string, tags: RegExp) => {
    let deepest = 0;
    const walk = (node: Root | Element, depth: number) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        const d = depth + (tags.test(child.tagName) ? 1 : 0);
        deepest = Math.max(deepest, d);
        walk(child, d);
      }
    };
    walk(parseHtml(html), 0);
    return deepest;
  };

  it.each([
    ['2,000 nested quotes', '> '.repeat(2_000), /^blockquote$/],
    ['2,000 nested quotes without spaces', '>'.repeat(2_000), /^blockquote$/],
    ['800 nested lists', '- '.repeat(800), /^ul$/],
    ['quotes and lists in turn', '> 1. '.repeat(1_000), /^(?:blockquote|ol)$/],
    ['3,000 levels of emphasis', '*'.repeat(3_000) + 'x' + '*'.repeat(3_000), /^(?:em|strong)$/],
  ])('%s render, flattened below 32 levels, with the text kept', (_name, prefix, tag) => {
    const markdown = prefix.startsWith('*') ? prefix : `${prefix}the deepest words`;
    const { html, summary } = renderMarkdown(`Intro.\n\n${markdown}\n\nOutro.`);
    expect(depthOf(html, tag)).toBeGreaterThan(1);
    expect(depthOf(html, tag)).toBeLessThanOrEqual(32);
    expect(summary).toContain(prefix.startsWith('*') ? 'x' : 'the deepest words');
    expect(html).toContain('Outro.');
    expect(renderCommentMarkdown(markdown)).toContain(prefix.startsWith('*') ? 'x' : 'the deepest words');
  });

  it('keeps ordinary nesting as written', () => {
    const { html } = renderMarkdown('> outer\n>\n> > inner\n> >\n> > - item\n> >   - sub');
    expect(html).toBe('<blockquote>\n<p>outer</p>\n<blockquote>\n<p>inner</p>\n<ul>\n<li>item\n<ul>\n<li>sub</li>\n</ul>\n</li>\n</ul>\n</blockquote>\n</blockquote>');
  });
});

describe('excerpt marker', () => {
  it.each(['<!-- more -->', '<!--more-->', '<!--   MORE   -->', 'Intro continues <!-- more -->'])('splits on %s', (marker) => {
    const markdown = `Intro **paragraph**.\n\n${marker}\n\nThe rest of the recap.`;
    const result = renderMarkdown(markdown);
    expect(result.hasMoreMarker).toBe(true);
    expect(result.excerptHtml).toContain('Intro <strong>paragraph</strong>.');
    expect(result.excerptHtml).not.toContain('rest of the recap');
    expect(result.html).toContain('The rest of the recap.');
    expect(result.html).not.toMatch(/<!--|more\s*-->/i);
    expect(splitExcerpt(markdown).excerpt).toMatch(/^Intro \*\*paragraph\*\*\.\n\n/);
    expect(splitExcerpt(markdown).rest).toBe('\n\nThe rest of the recap.');
  });

  it('turns a heading before the marker into a bold line: in a list of posts only post titles are headings', () => {
    const result = renderMarkdown('## Day one\n\nIntro.\n\n<!-- more -->\n\n## Day two\n\nRest.');
    expect(result.excerptHtml).not.toMatch(/<h[1-6]/);
    expect(result.excerptHtml).toContain('<p><strong>Day one</strong></p>');
    expect(result.html).toMatch(/<h2[^>]*>.*Day one/);
  });

  it.each([
    ['a fenced code block', 'Intro.\n\n```html\n<!-- more -->\n```\n\nRest.'],
    ['a tilde fence', 'Intro.\n\n~~~\n<!-- more -->\n~~~\n\nRest.'],
    ['an indented code block', 'Intro.\n\n    <!-- more -->\n\nRest.'],
    ['inline code', 'Write `<!-- more -->` to split a post.\n\nRest.'],
    ['another HTML comment', 'Intro.\n\n<!-- todo: <!-- more --> -->\n\nRest.'],
    ['a raw HTML block', 'Intro.\n\n<div>\n<!-- more -->\n</div>\n\nRest.'],
  ])('ignores a marker inside %s', (_name, markdown) => {
    expect(splitExcerpt(markdown)).toEqual({ excerpt: null, rest: markdown });
    expect(renderMarkdown(markdown).hasMoreMarker).toBe(false);
  });

  it('uses the first real marker after one hidden in code', () => {
    const markdown = 'Intro `<!-- more -->`.\n\n```\n<!-- more -->\n```\n\n<!-- more -->\n\nRest.';
    const { excerpt, rest } = splitExcerpt(markdown);
    expect(excerpt).toBe('Intro `<!-- more -->`.\n\n```\n<!-- more -->\n```\n\n');
    expect(rest).toBe('\n\nRest.');
  });

  it('resolves reference links and footnotes defined below the marker, without listing noise', () => {
    const result = renderMarkdown('## Intro\n\nSee [the talk][talk].[^1]\n\n<!-- more -->\n\nMore.\n\n[talk]: https://talks.example/1\n[^1]: Note.');
    expect(result.excerptHtml).toContain('<a href="https://talks.example/1" rel="noopener noreferrer">the talk</a>');
    expect(result.excerptHtml).not.toMatch(/\bid=|heading-anchor|footnote|\[\^1\]/);
  });

  it('derives a short excerpt from the first paragraphs when there is no marker', () => {
    const long = Array.from({ length: 150 }, (_, i) => `word${i}`).join(' ');
    const result = renderMarkdown(`## Heading\n\nShort opener.\n\n${long}\n\nThird.`);
    expect(result.hasMoreMarker).toBe(false);
    expect(result.excerptHtml).toBe('<p>Short opener.</p>');

    const first = renderMarkdown(`![cover](/cover.png)\n\n${long}`);
    expect(first.excerptHtml).toMatch(/^<p>word0 word1 .* word59…<\/p>$/);
    expect(first.excerptHtml).not.toContain('img');
  });

  it('falls back to a derived excerpt when the marker opens the post', () => {
    const result = renderMarkdown('<!-- more -->\n\n<p id="lead">Lead paragraph.</p>\n\nMore.');
    expect(result.hasMoreMarker).toBe(true);
    expect(result.excerptHtml).toBe('<p>Lead paragraph.</p><p>More.</p>');
    expect(result.html).toContain('id="user-content-lead"');
  });

  it('builds a plain-text summary of at most 280 characters cut on a word', () => {
    const long = Array.from({ length: 120 }, (_, i) => `talk${i}`).join(' ');
    const { summary } = renderMarkdown(`# Title\n\n*Great* [conference](https://c.example).\n\n${long}`);
    expect(summary.length).toBeLessThanOrEqual(280);
    expect(summary.startsWith('Great conference. talk0 talk1')).toBe(true);
    expect(summary).toMatch(/ talk\d+…$/);
    expect(renderMarkdown('Short *one*.').summary).toBe('Short one.');
    expect(renderMarkdown(`${'a'.repeat(276)} bcdef`).summary).toBe(`${'a'.repeat(276)}…`);
    expect(renderMarkdown('x'.repeat(300)).summary).toBe(`${'x'.repeat(279)}…`);
  });
});

describe('rendering', () => {
  it('gives headings ids and self-links that match the toc', () => {
    const { html, toc } = renderMarkdown(
      '# Top\n\n## Day one: `keynotes`\n\n### Q&A\n\n## Day one: `keynotes`\n\n#### Deep\n\n[back](#day-one-keynotes)',
    );
    expect(toc).toEqual([
      { depth: 2, id: 'user-content-day-one-keynotes', text: 'Day one: keynotes' },
      { depth: 3, id: 'user-content-qa', text: 'Q&A' },
      { depth: 2, id: 'user-content-day-one-keynotes-1', text: 'Day one: keynotes' },
    ]);
    const headings = elements(html).filter((el) => /^h[23]$/.test(el.tagName));
    expect(headings.map((h) => h.properties.id)).toEqual(toc.map((t) => t.id));
    for (const heading of headings) {
      const anchor = heading.children.find((c): c is Element => c.type === 'element' && c.tagName === 'a');
      expect(anchor?.properties.href).toBe(`#${String(heading.properties.id)}`);
      expect(anchor?.properties.ariaLabel).toMatch(/^Link to section: /);
    }
    expect(html).toContain('<a href="#user-content-day-one-keynotes">back</a>');
  });

  it('renders GFM tables, strikethrough, task lists and autolinks', () => {
    const { html } = renderMarkdown('| Talk | Room |\n| --- | :-: |\n| Keynote | A |\n\n~~gone~~\n\n- [x] went\n- [ ] skipped\n\nSee https://gfm.example.');
    expect(html).toContain('<table>');
    expect(html).toContain('<td align="center">A</td>');
    expect(html).toContain('<del>gone</del>');
    expect(html).toContain('<input type="checkbox" checked disabled> went');
    expect(html).toContain('<a href="https://gfm.example" rel="noopener noreferrer">https://gfm.example</a>');
  });

  it('highlights fenced code and keeps the hljs classes', () => {
    const { html } = renderMarkdown('```js\nconst answer = 42;\n```\n\n```nosuchlang\nplain\n```');
    expect(html).toContain('<code class="hljs language-js"><span class="hljs-keyword">const</span>');
    expect(html).toContain('<span class="hljs-number">42</span>');
    expect(html).toContain('plain');
  });

  it('makes images lazy and sizes them through the resolver', () => {
    const seen: string[] = [];
    const { html } = renderMarkdown('![Stage](/img/stage.jpg)\n\n![](https://cdn.example/x.png)\n\n<img src="/img/given.png" width="10" alt="">', {
      resolveImageSize: (src) => {
        seen.push(src);
        return src === '/img/stage.jpg' ? { width: 1200, height: 800 } : null;
      },
    });
    expect(html).toContain('<img src="/img/stage.jpg" alt="Stage" loading="lazy" decoding="async" width="1200" height="800">');
    expect(html).toContain('<img src="https://cdn.example/x.png" alt="" loading="lazy" decoding="async">');
    expect(html).toContain('<img src="/img/given.png" width="10" alt="" loading="lazy" decoding="async">');
    expect(seen).toEqual(['/img/stage.jpg', 'https://cdn.example/x.png']);
  });

  it('marks only external links noopener noreferrer and keeps safe schemes', () => {
    const { html } = renderMarkdown('[a](https://x.example) [b](/posts/1) [c](mailto:me@x.example) [d](#top) [e](//cdn.example/x) <a href="/y" rel="author">f</a>');
    expect(html).toContain('<a href="https://x.example" rel="noopener noreferrer">a</a>');
    expect(html).toContain('<a href="/posts/1">b</a>');
    expect(html).toContain('<a href="mailto:me@x.example">c</a>');
    expect(html).toContain('<a href="#top">d</a>');
    expect(html).toContain('<a href="//cdn.example/x" rel="noopener noreferrer">e</a>');
    expect(html).toContain('<a href="/y">f</a>');
  });

  it('computes reading time at ~230 words per minute, at least 1', () => {
    expect(renderMarkdown('').readingMinutes).toBe(1);
    expect(renderMarkdown('Just a few words.').readingMinutes).toBe(1);
    expect(renderMarkdown(Array.from({ length: 1150 }, () => 'word').join(' ')).readingMinutes).toBe(5);
  });
});

describe('publicImageSizeResolver', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hallway-md-'));
  const publicDir = path.join(root, 'public');
  const uploadsDir = path.join(root, 'uploads');
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  /** Just enough PNG (signature + IHDR) for image-size to read the dimensions. */
  function png(width: number, height: number): Buffer {
    const header = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
    header.writeUInt32BE(13, 8);
    header.write('IHDR', 12, 'ascii');
    header.writeUInt32BE(width, 16);
    header.writeUInt32BE(height, 20);
    header.writeUInt8(8, 24);
    return header;
  }

  fs.mkdirSync(path.join(publicDir, 'img'), { recursive: true });
  fs.mkdirSync(uploadsDir, { recursive: true });
  fs.writeFileSync(path.join(publicDir, 'img', 'a b.png'), png(640, 480));
  fs.writeFileSync(path.join(uploadsDir, 'u.png'), png(32, 16));
  fs.writeFileSync(path.join(root, 'secret.png'), png(1, 1));

  it('reads local files from public/ and uploads/', () => {
    const resolve = publicImageSizeResolver(publicDir, uploadsDir);
    expect(resolve('/img/a%20b.png?v=2')).toEqual({ width: 640, height: 480 });
    expect(resolve('/uploads/u.png')).toEqual({ width: 32, height: 16 });
  });

  it('reads each image once, and only its first bytes, however often a post shows it', () => {
    // A 3 MB image: the size is in its first few bytes, the rest is pixels.
    fs.writeFileSync(path.join(uploadsDir, 'big.png'), Buffer.concat([png(1920, 1080), Buffer.alloc(3 * 1024 * 1024)]));
    const resolve = publicImageSizeResolver(publicDir, uploadsDir);
    const opened = vi.spyOn(fs, 'openSync');
    const wholeFiles = vi.spyOn(fs, 'readFileSync');
    const read = vi.spyOn(fs, 'readSync');
    try {
      const markdown = Array.from({ length: 400 }, (_, i) => `![shot ${i}](/uploads/big.png)`).join('\n\n');
      const { html } = renderMarkdown(markdown, { resolveImageSize: resolve });
      expect(html.match(/width="1920" height="1080"/g)).toHaveLength(400);
      expect(wholeFiles).not.toHaveBeenCalled();
      expect(opened).toHaveBeenCalledTimes(1);
      const bytesRead = read.mock.results.reduce((sum, r) => sum + (r.value as number), 0);
      expect(bytesRead).toBeLessThanOrEqual(512 * 1024);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('returns null for remote, missing, non-image and escaping paths', () => {
    const resolve = publicImageSizeResolver(publicDir);
    expect(resolve('https://cdn.example/img/a%20b.png')).toBeNull();
    expect(resolve('//cdn.example/x.png')).toBeNull();
    expect(resolve('/img/missing.png')).toBeNull();
    expect(resolve('/img')).toBeNull();
    expect(resolve('/../secret.png')).toBeNull();
    expect(resolve('/%2e%2e/secret.png')).toBeNull();
    expect(resolve('/%E0%A4%A')).toBeNull();
  });
});

describe('renderCommentMarkdown', () => {
  it('keeps the safe subset', () => {
    const html = renderCommentMarkdown('Hi *there* `code` [link](https://x.example)\n\n> quoted\n\n- one\n- two\n\n```js\nlet a = 1;\n```');
    expect(html).toContain('<em>there</em>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<a href="https://x.example" rel="nofollow ugc noopener">link</a>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<pre><code class="language-js">let a = 1;\n</code></pre>');
    expect(html).not.toContain('target=');
  });

  it('renders headings as bold paragraphs and images as their alt text', () => {
    const html = renderCommentMarkdown('# Loud\n\n![a cat](https://img.example/cat.png)');
    expect(html).toBe('<p><strong>Loud</strong></p>\n<p>a cat</p>');
  });

  it('shows raw HTML as text instead of rendering it', () => {
    const html = renderCommentMarkdown('<div onclick="x">hi</div>\n\nInline <b>bold</b> and <img src=x onerror=alert(1)>');
    expect(elements(html).map((el) => el.tagName)).toEqual(['p', 'p']);
    expect(html).toContain('&#x3C;b>bold&#x3C;/b>');
  });

  it('drops unsafe link targets and embeds', () => {
    const html = renderCommentMarkdown('[x](javascript:alert(1)) <iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>');
    expect(problems(html)).toEqual([]);
    expect(html).toMatch(/^<p>x &#x3C;iframe /);
    expect(elements(html).map((el) => el.tagName)).toEqual(['p']);
  });
});
