import { describe, expect, it } from 'vitest';
import { exportPost, jekyllDate, protectLiquid, talkBlock, type ExportPost, type ExportTalk } from './export';
import { convertLiquid } from './liquid';
import { parsePost } from './parse';
import { mapSkeletonRefs } from './skeleton';

const talk = (over: Partial<ExportTalk> = {}): ExportTalk => ({
  slug: 'tasty-topics',
  title: 'Tasty Topics',
  kind: 'talk',
  talkUrl: 'https://conf.example/tasty-topics',
  presentationUrl: null,
  slidesUrl: 'https://conf.example/tasty.pdf',
  videoUrl: null,
  videoPending: true,
  speakers: [],
  dayNumber: 3,
  dayTheme: null,
  trackName: 'Messaging',
  trackHost: 'Ann Lee',
  note: 'A short note.',
  ...over,
});

const basePost = (over: Partial<ExportPost> = {}): ExportPost => ({
  id: 7,
  url: 'https://hallway.example/posts/my-recap',
  slug: 'my-recap',
  title: 'My recap: "quotes" & more',
  bodyMarkdown: 'Intro.\n\n<!-- more -->\n\nBody.\n',
  published: true,
  utcMs: Date.UTC(2018, 2, 12, 20, 8, 46),
  offsetMinutes: -420,
  commentsEnabled: true,
  categories: ['Talk', 'Streams'],
  conference: null,
  talks: [],
  ...over,
});

describe('export', () => {
  it('writes the date as written, with its offset', () => {
    expect(jekyllDate(Date.UTC(2018, 2, 12, 20, 8, 46), -420)).toBe('2018-03-12 13:08:46 -0700');
    expect(jekyllDate(Date.UTC(2019, 4, 27, 7, 15), 120)).toBe('2019-05-27 09:15:00 +0200');
  });

  it('writes a talk back as its talk line, link line and note', () => {
    expect(talkBlock(talk())).toBe(
      '**[Tasty Topics](https://conf.example/tasty-topics)**\n\n[Slides](https://conf.example/tasty.pdf) | Video (not yet available)\n\nA short note.',
    );
    expect(talkBlock(talk({ talkUrl: null, slidesUrl: null, videoPending: false, note: '', speakers: ['Ann Lee', 'Bo Chen', 'Cy Diaz'], title: 'A [bracketed] *title*' }))).toBe(
      '**A \\[bracketed\\] \\*title\\***  by Ann Lee, Bo Chen and Cy Diaz'.replace('  by', ' by'),
    );
    expect(talkBlock(talk({ presentationUrl: 'https://p.example/x_(y)', videoUrl: 'https://v.example', videoPending: false }))).toContain(
      '[Presentation](<https://p.example/x_(y)>) | [Slides](https://conf.example/tasty.pdf) | [Video](https://v.example)',
    );
  });

  it('writes front matter with title, date, comments, published, categories and the conference', () => {
    const file = exportPost(
      basePost({
        published: false,
        conference: {
          slug: 'conf-2018', name: 'Conf 2018', city: 'Oslo', location: null, startDate: '2018-03-05', endDate: '2018-03-06',
          website: null, timeZone: 'Europe/Oslo', days: [{ number: 1, date: '2018-03-05', theme: 'Warm-up' }],
        },
      }),
    );
    expect(file.fileName).toBe('2018-03-12-my-recap.markdown');
    const parsed = parsePost(file.fileName, file.content);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.post).toMatchObject({
      title: 'My recap: "quotes" & more',
      slug: 'my-recap',
      date: { iso: '2018-03-12T13:08:46-07:00' },
      comments: true,
      published: false,
      categories: ['Talk', 'Streams'],
      excerpt: 'Intro.',
      conference: { slug: 'conf-2018', name: 'Conf 2018', city: 'Oslo', startDate: '2018-03-05', endDate: '2018-03-06', timeZone: 'Europe/Oslo', days: [{ number: 1, date: '2018-03-05', theme: 'Warm-up' }] },
    });
  });

  it('expands the body’s talk skeleton in place between markers, and appends talks it does not place, grouped by day and track', () => {
    const skeleton = '<!-- hallway:talks\n## Best talks\n### Day 3: Messaging\n\nHosted by Ann Lee.\n<<talk tasty-topics>>\n<<talk gone>>\n-->';
    const file = exportPost(
      basePost({
        bodyMarkdown: `Intro.\n\n${skeleton}\n\n## Summary\n\nDone.\n`,
        talks: [talk(), talk({ slug: 'extra', title: 'Extra Talk', kind: 'keynote', dayNumber: 1, trackName: null, dayTheme: 'Warm-up', note: 'Added later.' })],
      }),
    );
    expect(file.content).toContain(
      'Intro.\n\n<!-- hallway:talks -->\n\n## Best talks\n### Day 3: Messaging\n\nHosted by Ann Lee.\n\n' +
        '<!-- hallway:talk {"slug":"tasty-topics","day":3,"track":"Messaging","host":"Ann Lee"} -->\n' +
        '**[Tasty Topics](https://conf.example/tasty-topics)**\n\n[Slides](https://conf.example/tasty.pdf) | Video (not yet available)\n\nA short note.\n' +
        '<!-- /hallway:talk -->\n\n<!-- /hallway:talks -->\n\n## Summary\n\nDone.\n\n' +
        '<!-- hallway:talks {"generated":true} -->\n\n## Talks\n\n### Day 1: Warm-up\n\n<!-- hallway:talk {"slug":"extra","kind":"keynote","day":1} -->\n**[Extra Talk]',
    );
    // The skeleton itself (invisible in the stored body) never reaches the file.
    expect(file.content).not.toContain('<<talk');
    expect(file.content).toMatch(/^hallway_id: 7$/m);
    expect(file.content).toMatch(/^hallway_url: "https:\/\/hallway\.example\/posts\/my-recap"$/m);
  });

  it('never lets a marker end early: track names with "-->" or ">" stay inside their comment', () => {
    const file = exportPost(basePost({ bodyMarkdown: 'Intro.\n', talks: [talk({ trackName: 'A --> B', trackHost: 'Ann > Bo' })] }));
    const marker = /<!-- hallway:talk (.*) -->/.exec(file.content)![1];
    expect(marker).not.toMatch(/-->|>/);
    const parsed = parsePost(file.fileName, file.content);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.post.days[0]).toMatchObject({ number: 3, track: 'A --> B', host: 'Ann > Bo' });
  });

  it('points uploads at images/ and lists them for copying', () => {
    const file = exportPost(basePost({ bodyMarkdown: '<img src="/uploads/abc123.png" width="640" height="400">\n\n![x](/uploads/def.jpg)\n\n![y](https://elsewhere.example/a.png)\n' }));
    expect(file.uploads).toEqual(['abc123.png', 'def.jpg']);
    expect(file.content).toContain('<img src="/images/abc123.png" width="640" height="400">');
    expect(file.content).toContain('![x](/images/def.jpg)');
    expect(file.content).toContain('![y](https://elsewhere.example/a.png)');
  });

  it('wraps Liquid-looking text in raw so Jekyll prints it, and the importer reads it back unchanged', () => {
    const body = 'Use `{% raw %}` and {{ page.title }} here.\n\n```liquid\n{% include x.html %}\n```\n\n    {% img /indented.png %}\n\nPlain {% weird';
    const protectedBody = protectLiquid(body);
    expect(protectedBody).toContain('{% raw %}`{% raw %}`{% endraw %}');
    expect(protectedBody).toContain('{% raw %}{{ page.title }}{% endraw %}');
    expect(protectedBody).toContain('{% raw %}\n```liquid\n{% include x.html %}\n```\n{% endraw %}');
    expect(convertLiquid(protectedBody)).toEqual({ markdown: body, images: [], embeds: [], warnings: [] });
  });

  it('round-trips a parsed recap: export(import(x)) parses to the same days, talks, notes and body', () => {
    const source = [
      '---', 'title: "Round trip"', 'date: 2020-05-01 10:00:00 +0100', 'categories: [A]', '---', '',
      'Intro.', '', '<!-- more -->', '', '## Talks I saw', '', '### Day 1: Track One', '', 'Hosted by Ann Lee.', '',
      '**[First](https://c.example/first)** by Ann Lee', '', '[Slides](https://c.example/1.pdf) | [Notes](https://n.example)', '', 'Note one.', '',
      '**Second**', '', 'Note two with `{% raw %}{{ x }}{% endraw %}`.', '', '## After', '', 'Outro.', '',
    ].join('\n');
    const first = parsePost('x.md', source);
    if (!first.ok) throw new Error(first.error);
    const talks = first.post.days.flatMap((d) =>
      d.talks.map((t): ExportTalk => ({
        slug: `t${t.index}`, title: t.title, kind: 'talk', talkUrl: t.url, presentationUrl: null,
        slidesUrl: t.links.find((l) => l.kind === 'slides')?.url ?? null, videoUrl: null, videoPending: false, speakers: t.speakers,
        dayNumber: d.number, dayTheme: null, trackName: d.track, trackHost: d.host,
        // What db/import stores: links without a column lead the note.
        note: [t.links.filter((l) => l.kind === 'other').map((l) => `[${l.label}](${l.url})`).join(' | '), t.note].filter(Boolean).join('\n\n'),
      })),
    );
    const body = mapSkeletonRefs(first.post.body, (ref: string) => `t${ref}`);
    const exported = exportPost(basePost({ bodyMarkdown: body, talks, title: 'Round trip', slug: 'round-trip' }));
    const second = parsePost(exported.fileName, exported.content);
    if (!second.ok) throw new Error(second.error);
    expect(second.post.body).toBe(first.post.body);
    // Compared as db/import stores them: links without a column are the note's first line.
    const stored = (days: typeof first.post.days) =>
      days.map((d) => ({
        label: d.label, number: d.number, track: d.track, host: d.host,
        talks: d.talks.map((t) => ({
          title: t.title, url: t.url, speakers: t.speakers,
          links: t.links.filter((l) => l.kind !== 'other'),
          note: [t.links.filter((l) => l.kind === 'other').map((l) => `[${l.label}](${l.url})`).join(' | '), t.note].filter(Boolean).join('\n\n'),
        })),
      }));
    expect(stored(second.post.days)).toEqual(stored(first.post.days));
    expect(second.post.days[0].talks[1].note).toBe('Note two with `{{ x }}`.');
    expect(second.post.excerpt).toBe(first.post.excerpt);
  });
});
