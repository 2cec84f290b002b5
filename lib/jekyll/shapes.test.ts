import { describe, expect, it } from 'vitest';
import { parsePost } from './parse';
import { findSkeletons } from './skeleton';
import { bodyFor, CONFIDENT } from './structure';
import type { ParsedPost } from './types';

/**
 * Each shape real recaps are written in, one small post in our own words per shape: what the
 * importer proposes, how sure it is, and what stays in the body.
 */
function post(body: string, frontMatter = 'title: "Lakeside Conf 2019"\ndate: 2019-06-14 10:00:00 +0000', file = '2019-06-14-lakeside.md'): ParsedPost {
  const r = parsePost(file, `---\n${frontMatter}\n---\n\n${body}`);
  if (!r.ok) throw new Error(r.error);
  return r.post;
}
const talks = (p: ParsedPost) => p.days.flatMap((d) => d.talks);
const confident = (p: ParsedPost) => talks(p).filter((t) => t.confidence >= CONFIDENT).map((t) => t.title);
const days = (p: ParsedPost) => p.days.map((d) => [d.number, d.heading, d.talks.map((t) => t.title)]);

describe('talks as headings', () => {
  it('linked headings to recordings, with notes, and headings that organise the post left alone', () => {
    const p = post(
      'Some of my favourites are online already:\n\n### [Ropes and Knots](https://confreaks.tv/videos/lakeside-ropes)\n\nMira Holm ties everything together.\n\n' +
        '### [Paper Planes](https://confreaks.tv/videos/lakeside-planes)\n\nTeo Vance folds distributed systems.\n\n### [Lantern Design](https://confreaks.tv/videos/lakeside-lantern)\n\nJo Park, again.\n\n' +
        '## Summary\n\nA good year.\n\n- Thanks, Ann Lee\n- Thanks, Bo Chen\n',
    );
    expect(confident(p)).toEqual(['Ropes and Knots', 'Paper Planes', 'Lantern Design']);
    expect(talks(p)[0]).toMatchObject({ note: 'Mira Holm ties everything together.', links: [{ kind: 'video' }], shape: 'heading' });
    expect(talks(p)[0].reasons).toEqual(expect.arrayContaining(['a heading (level 3)', 'the title links to confreaks.tv', 'one of 3 headings alike, 3 with speakers or links']));
    expect(p.body).toContain('## Summary\n\nA good year.');
  });

  it('headings of the same level in raw HTML, "Misc" not among them', () => {
    const html = ['<div class="notes"><h2>Lakeside Conf 2019</h2>', '<h3>Misc</h3><ul><li>wifi password on the wall</li></ul>'];
    for (const [title, note] of [['Ropes and Knots', '@mholm'], ['Paper Planes', 'slides: <a href="https://speakerdeck.com/tv/planes">deck</a>'], ['Lantern Design', '@jopark'], ['Small Batches', 'keep them small']]) {
      html.push(`<h3>${title}</h3><ul><li>${note}</li></ul>`);
    }
    const p = post(`${html.join('\n')}</div>\n`);
    expect(confident(p)).toEqual(['Ropes and Knots', 'Paper Planes', 'Lantern Design', 'Small Batches']);
    expect(talks(p)[0].note).toBe('<ul><li>@mholm</li></ul>');
    expect(p.body).toContain('<h3>Misc</h3>');
  });

  it('the author’s own talks and the sections around the talks are not talks', () => {
    const p = post('## Intro\n\nHello.\n\n## My talks\n\n### Knots Revisited\n\nI spoke about knots.\n\n## Misc\n\nRain.\n');
    expect(talks(p)).toEqual([]);
  });
});

describe('talks as bold lines', () => {
  it('a bold title on its own line, with a [+] recording and "[Coming soon]" placeholders', () => {
    const p = post(
      '**Opening Keynote**  \nA warm welcome and a cold room.\n\n**Paper Planes at Scale** [+](http://confreaks.tv/videos/planes)  \n[Coming soon]\n\n' +
        '**Lantern Design**  \n[Coming soon]\n\n**Closing Keynote**  \nThanks to the volunteers.\n',
    );
    expect(confident(p)).toEqual(['Opening Keynote', 'Paper Planes at Scale', 'Lantern Design', 'Closing Keynote']);
    expect(talks(p)[1]).toMatchObject({ note: '', links: [{ kind: 'video', url: 'http://confreaks.tv/videos/planes' }] });
    expect(talks(p)[0].note).toBe('A warm welcome and a cold room.');
  });

  it('a lone bold line in an ordinary post stays prose', () => {
    expect(talks(post('I like notebooks.\n\n**A bold line about pens**\n\nIt stays prose.\n'))).toEqual([]);
    expect(talks(post('**Lakeside Conf** began with coffee and a very long queue outside.\n'))).toEqual([]);
  });
});

describe('talks as a speaker line, then the title (a schedule)', () => {
  it('bold linked speakers, possibly two over two lines, then the title, then the room', () => {
    const p = post(
      '###Friday, June 14th\n\n**[Mira Holm](https://twitter.com/mholm)**:  \n[Ropes and Knots](https://lakeside.example/#/june-14/room1/9:15-10:00/ropes)  \nRoom 1, 09:15 - 10:00\n\n' +
        '**[Teo Vance](https://twitter.com/tvance)** &  \n**[Jo Park](https://twitter.com/jopark)**:  \n[Paper Planes](https://lakeside.example/#/june-14/room2/10:15-11:00/planes)  \nRoom 2, 10:15 - 11:00\n\n' +
        '**Rosa Lind**:  \nKeynote - Lanterns  \nMain hall, 17:00 - 18:00\n',
    );
    expect(days(p)).toEqual([[1, 'Friday, June 14th', ['Ropes and Knots', 'Paper Planes', 'Keynote - Lanterns']]]);
    expect(talks(p).map((t) => t.speakers)).toEqual([['Mira Holm'], ['Teo Vance', 'Jo Park'], ['Rosa Lind']]);
    expect(p.days[0].date).toBe('2019-06-14');
    expect(confident(p)).toHaveLength(3);
  });
});

describe('talks as list items', () => {
  it('"Title (Speaker): [Slides](…), [Video](…)", all in one list', () => {
    const p = post(
      'The best of the week:\n\n- Ropes and Knots (Mira Holm): [Slides](https://lakeside.example/dl/ropes.pdf), [Video](https://vimeo.com/1001)\n' +
        '- Paper Planes (Teo Vance, Jo Park): [Slides](https://lakeside.example/dl/planes.pdf)\n- Lantern Design (Rosa Lind): [Video](https://vimeo.com/1003)\n\nSee you next year.\n',
    );
    expect(confident(p)).toEqual(['Ropes and Knots', 'Paper Planes', 'Lantern Design']);
    expect(p.body).toMatch(/^The best of the week:|<!-- hallway:talks/);
    expect(p.body).toContain('See you next year.');
    expect(p.body).not.toContain('Ropes and Knots');
  });

  it('"Title by Speaker. Note", introduced as talks, and a second list of one-liners', () => {
    const p = post(
      'My favourite talks of the week:\n\n* Ropes and Knots by Mira Holm. She tied\n  everything together, twice.\n* Paper Planes, by Teo Vance and Jo Park.\n\nOthers liked these:\n\n* Lantern Design, by Rosa Lind.\n* Fireside chat with Ann Lee and Bo Chen.\n',
    );
    expect(confident(p)).toEqual(['Ropes and Knots', 'Paper Planes', 'Lantern Design', 'Fireside chat with Ann Lee and Bo Chen']);
    expect(talks(p)[0].note).toBe('She tied\neverything together, twice.');
    expect(talks(p)[1].speakers).toEqual(['Teo Vance', 'Jo Park']);
  });

  it('"Speaker - [Title](video)" with indented notes, and "1. Speaker: Title"', () => {
    const p = post('Watch these:\n\n  * Mira Holm - ["Ropes and Knots"](https://vimeo.com/2001)\n\n\t  Tied together.\n\n  * Teo Vance - [Paper Planes](https://vimeo.com/2002)\n\n\t  Folded.\n');
    expect(talks(p).map((t) => [t.title, t.speakers, t.note])).toEqual([['Ropes and Knots', ['Mira Holm'], 'Tied together.'], ['Paper Planes', ['Teo Vance'], 'Folded.']]);
    expect(confident(post('The line-up I saw:\n\n1. Mira Holm: Ropes and Knots\n2. Teo Vance: Paper Planes\n3. Jo Park: Lantern Design\n'))).toEqual(['Ropes and Knots', 'Paper Planes', 'Lantern Design']);
  });

  it('one-item lists with the notes after them, a reference-style link, and @handles', () => {
    const p = post(
      'Here is what you missed:\n\n* **[Ropes and Knots][1]** - Mira Holm ([@mholm][2])\n\nShe knotted things.\n\nThen more knots.\n\n* **Paper Planes** - Teo Vance\n\nHe folded things.\n\n## Next time\n\nJoin us.\n\n[1]: https://lakeside.example/ropes.pdf\n[2]: https://twitter.com/mholm\n',
    );
    expect(talks(p).map((t) => [t.title, t.speakers, t.links.map((l) => l.kind), t.note])).toEqual([
      ['Ropes and Knots', ['Mira Holm'], ['slides'], 'She knotted things.\n\nThen more knots.'],
      ['Paper Planes', ['Teo Vance'], [], 'He folded things.'],
    ]);
  });

  it('a session slot whose nested items are the talks (lightning talks)', () => {
    const p = post('### Saturday\n\n* 2:00 p.m. (45m) Lightning Talks\n  * _Tiny Queues_ by [Ann Lee](https://twitter.com/annlee)\n  * _Tiny Caches_ by [Bo Chen](https://twitter.com/bochen)\n');
    expect(talks(p).map((t) => t.title)).toEqual(['Tiny Queues', 'Tiny Caches']);
  });

  it('a list of thanks or of links is no list of talks', () => {
    expect(talks(post('Over three days I thanked:\n\n- Ann Lee\n- Bo Chen\n- The volunteers\n'))).toEqual([]);
    expect(talks(post('Resources for further reading:\n\n- [Knot Guide](https://knots.example/guide)\n- [Rope Cheatsheet](https://knots.example/sheet)\n'))).toEqual([]);
  });
});

describe('talks named in prose and in raw HTML', () => {
  it('sessions named in a sentence, bold lead-in days, and an HTML list after "sessions as follows"', () => {
    const p = post(
      '<strong>Thursday</strong>: arrival, nothing else.\n\n<strong>Friday</strong>: the first day.\n\n' +
        'The sessions I went to were <a href="https://lakeside.example/talks/ropes">Ropes and Knots</a>, <a href="https://lakeside.example/talks/planes">Paper Planes</a> and <strong>Lantern Design</strong>.\n\n' +
        '<strong>Saturday</strong>: the last day.\n\nAttended sessions as follows:\n<ul><li>Small Batches</li><li>Tidy Queues for Everyone</li></ul>\n\n<strong>After the conference</strong>\n\nSushi.\n',
      'title: "Lakeside Conf 2019"\ndate: 2019-06-16 10:00:00 +0000',
    );
    expect(days(p)).toEqual([
      [1, 'Friday', ['Ropes and Knots', 'Paper Planes', 'Lantern Design']],
      [2, 'Saturday', ['Small Batches', 'Tidy Queues for Everyone']],
    ]);
    expect(p.days.map((d) => d.date)).toEqual(['2019-06-14', '2019-06-15']);
    // Prose is never cut: the sentence stays, the talks are listed with the post.
    expect(p.body).toContain('The sessions I went to were');
    expect(talks(p)[0].shape).toBe('mention');
  });

  it('a plan: weekday lead-ins in a list, quoted linked titles, dates counted forward', () => {
    const p = post('My tentative schedule:\n\n* Monday I’ll attend “[Ropes and Knots](https://lakeside.example/presentation/ropes)” and “[Paper Planes](https://lakeside.example/presentation/planes)”.\n* Tuesday I’ll attend “[Lantern Design](https://lakeside.example/presentation/lantern)”.\n', 'title: "Lakeside plan"\ndate: 2019-06-06');
    expect(p.plan).toBe(true);
    expect(days(p)).toEqual([[1, 'Monday', ['Ropes and Knots', 'Paper Planes']], [2, 'Tuesday', ['Lantern Design']]]);
    expect(p.days.map((d) => d.date)).toEqual(['2019-06-10', '2019-06-11']);
  });
});

describe('days', () => {
  it('"## Day one", "# Day 2" and inverted levels: talks at ## under ### days', () => {
    const p = post(
      '### Day one\n\n## [Ropes and Knots](https://lakeside.example/talks/ropes)\n\nKnots.\n\n## [Paper Planes](https://lakeside.example/talks/planes)\n\nPlanes.\n\n### Day two\n\n## [Lantern Design](https://lakeside.example/talks/lantern)\n\nLight.\n\n## Summary\n\nDone.\n',
    );
    expect(days(p)).toEqual([[1, 'Day one', ['Ropes and Knots', 'Paper Planes']], [2, 'Day two', ['Lantern Design']]]);
    expect(p.body).toContain('## Summary');
  });

  it('a day heading with no talks under it is still a day', () => {
    const p = post('# Day 1\n\n**[Ropes](https://lakeside.example/talks/ropes)**\n\n[Slides](https://lakeside.example/r.pdf)\n\n# Day 2\n\nToo tired to take notes.\n\n# Day 3\n\n**[Planes](https://lakeside.example/talks/planes)**\n\n[Slides](https://lakeside.example/p.pdf)\n');
    expect(days(p)).toEqual([[1, 'Day 1', ['Ropes']], [2, 'Day 2', []], [3, 'Day 3', ['Planes']]]);
    expect(p.warnings).toContain('Day 2 lists no talks.');
    // Its heading sits between talks: it goes into the skeleton with them.
    expect(findSkeletons(p.body)).toHaveLength(1);
  });
});

describe('the body for a choice of talks', () => {
  it('keeps an unticked talk’s text where it was, and hides the ticked ones', () => {
    const p = post('The best:\n\n- Ropes and Knots (Mira Holm): [Slides](https://lakeside.example/r.pdf)\n- Paper Planes (Teo Vance): [Slides](https://lakeside.example/p.pdf)\n- Lantern Design (Jo Park): [Slides](https://lakeside.example/l.pdf)\n');
    const body = bodyFor(p.layout, new Set([0, 2]));
    expect(body).toContain('- Paper Planes (Teo Vance)');
    expect(body).not.toContain('Ropes and Knots');
    expect(findSkeletons(body).flatMap((s) => s.parts.filter((x) => x.kind === 'talk').map((x) => x.ref))).toEqual(['0', '2']);
  });
});

describe('posts without talks', () => {
  it('a post about a conference that describes no single talk yields none', () => {
    const p = post(
      '# Lakeside Conf 2019\n\nThis year the conference was bigger than ever: more rooms, more sponsors, and more stickers on one table than I have ever seen.\n\n' +
        'Every day had dozens of talks about queues, caches, knots and the future of the web. Way too many for one person.\n\n_Or you could just nap in the quiet room while four hundred people learned about ropes._\n',
    );
    expect(talks(p)).toEqual([]);
    expect(p.days).toEqual([]);
  });
});

describe('front matter of the era', () => {
  it('no date (from the file name), a blank line before the closing ---, WordPress leftovers', () => {
    const r = parsePost('2012-03-04-old-post.md', '---\n\ntitle: Old Post\nguid: http://blog.example/?p=12\ndsq_thread_id:\n  - "123"\nstatus: publish\n\n---\nText.\n');
    expect(r.ok && r.post.date.iso).toBe('2012-03-04T00:00:00+00:00');
  });

  it('refuses a post longer than the editor takes, before reading it', () => {
    const r = parsePost('long.md', `---\ntitle: Long\ndate: 2020-01-01\n---\n${'word '.repeat(40_001)}`);
    expect(!r.ok && r.error).toMatch(/200,005 characters long; a recap is at most 200,000 \(as in the editor\)/);
  });
});

describe('hostile markdown', () => {
  it('reads pathological input to a sane result: deep nesting, thousands of "by"s and brackets', () => {
    const inputs = [
      `- Talk${' by Ann Lee'.repeat(2_000)}`,
      `${'['.repeat(3_000)}${']'.repeat(3_000)}`,
      Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i % 60)}- item ${i}`).join('\n'),
      `${'<div>'.repeat(300)}x${'</div>'.repeat(300)}`,
      Array.from({ length: 2_000 }, (_, i) => `**Talk ${i}**`).join('\n\n'),
    ];
    for (const input of inputs) {
      const r = parsePost('hostile.md', `---\ntitle: Hostile\ndate: 2020-01-01\n---\n\n${input}\n`);
      expect(r.ok).toBe(true);
      if (r.ok) expect(talks(r.post).every((t) => t.title.length <= 160)).toBe(true);
    }
  });
});
