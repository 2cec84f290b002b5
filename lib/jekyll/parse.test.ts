import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/markdown';
import { decodeFile, parsePost, toDryRunJson } from './parse';
import type { ParsedPost, ParseResult } from './types';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);
const read = (name: string) => fs.readFileSync(fixture(name));

function ok(result: ParseResult): ParsedPost {
  if (!result.ok) throw new Error(`expected a parsed post, got: ${result.error}`);
  return result.post;
}
const parseFixture = (name: string, repairEncoding = false) => ok(parsePost(name, read(name), { repairEncoding }));
const post = (frontMatter: string, body = 'Text.\n', file = 'post.markdown') => parsePost(file, `---\n${frontMatter}\n---\n\n${body}`);

describe('front matter, as Jekyll read it', () => {
  it('reads YAML 1.1 booleans and comments, decodes title entities, splits a category string on whitespace and keeps tag lists', () => {
    const p = parseFixture('2021-10-04-harbour-data-summit-2021.markdown');
    expect(p.title).toBe('Harbour Data Summit 2021: queues, lakes & a lighthouse');
    expect(p.comments).toBe(true); // `comments: yes   # …`
    expect(p.categories).toEqual(['Conferences', 'Streaming']);
    expect(p.tags).toEqual(['data lakes', 'Kafka']);
    expect(p.published).toBe(true);
    expect(p.slug).toBe('harbour-data-summit-2021');
  });

  it('keeps the written UTC offset of the date', () => {
    const p = parseFixture('2021-10-04-harbour-data-summit-2021.markdown');
    expect(p.date).toEqual({ iso: '2021-10-04T18:30:00+02:00', utcMs: Date.UTC(2021, 9, 4, 16, 30), offsetMinutes: 120 });
    expect(ok(post('title: T\ndate: 2018-03-12 13:08:46 -0700')).date.offsetMinutes).toBe(-420);
    expect(ok(post('title: T\ndate: 2018-03-12T13:08:46+05:30')).date.offsetMinutes).toBe(330);
  });

  it('keeps the calendar day of a date written without time or offset, whatever the server zone', () => {
    const p = parseFixture('2020-02-03-no-talks-draft.markdown');
    expect(p.date.iso).toBe('2020-02-03T00:00:00+00:00');
    expect(p.date.utcMs).toBe(Date.UTC(2020, 1, 3));
    // No date in the front matter: the file name's, as Jekyll does.
    expect(ok(post('title: T', 'x', '2015-01-31-from-the-name.md')).date.iso).toBe('2015-01-31T00:00:00+00:00');
  });

  it('imports `published: false` as a draft, and enables comments only when `comments` is true', () => {
    const p = parseFixture('2020-02-03-no-talks-draft.markdown');
    expect(p.published).toBe(false);
    expect(p.comments).toBe(false); // `comments: no`
    expect(p.categories).toEqual(['notes']); // `category:` (singular)
    expect(ok(post('title: T\ndate: 2020-01-01\ncomments: "true"')).comments).toBe(false);
    expect(ok(post('title: T\ndate: 2020-01-01')).comments).toBe(false);
    expect(ok(post('title: T\ndate: 2020-01-01\ncomments: on')).comments).toBe(true);
    expect(ok(post('title: T\ndate: 2020-01-01\npublished: no')).published).toBe(false);
  });

  it('takes categories and tags as lists or whitespace-separated strings, merging the singular keys', () => {
    const p = ok(post('title: T\ndate: 2020-01-01\ncategories: [Talk, Machine Learning]\ncategory: Extra\ntags: a b  c\ntag: [d]'));
    expect(p.categories).toEqual(['Talk', 'Machine Learning', 'Extra']);
    expect(p.tags).toEqual(['a', 'b', 'c', 'd']);
  });

  it('ignores layout and keeps a numeric title as text', () => {
    const p = ok(post('layout: page\ntitle: 2048\ndate: 2020-01-01'));
    expect(p.title).toBe('2048');
  });

  it('names the file and the problem for broken YAML, and returns no post', () => {
    const result = parsePost('2022-06-15-broken-front-matter.markdown', read('2022-06-15-broken-front-matter.markdown'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/^2022-06-15-broken-front-matter\.markdown: front matter is not valid YAML: .*quote.* at line \d+/);
  });

  it('reports a missing front matter, a missing date and an unreadable date', () => {
    const none = parsePost('plain.md', '# Just markdown\n');
    expect(!none.ok && none.error).toMatch(/^plain\.md: no front matter/);
    const noDate = post('title: T');
    expect(!noDate.ok && noDate.error).toMatch(/no date/);
    const badDate = post('title: T\ndate: last tuesday');
    expect(!badDate.ok && badDate.error).toMatch(/"date" is not a date: "last tuesday"/);
    const list = post('- a\n- b');
    expect(!list.ok && list.error).toMatch(/key: value/);
  });

  it('falls back to the file name for a missing title, with a warning', () => {
    const p = ok(post('date: 2020-01-01', 'x', '2020-01-01-hello-world.md'));
    expect(p.title).toBe('Hello world');
    expect(p.warnings.join()).toMatch(/No title/);
  });
});

describe('encodings and line endings', () => {
  it('reads UTF-8 with a byte-order mark and CRLF line endings', () => {
    const bytes = read('2016-07-01-crlf-bom.markdown');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes('\r\n')).toBe(true);
    const p = parseFixture('2016-07-01-crlf-bom.markdown');
    expect(p.title).toBe('Saved on Windows');
    expect(p.date.iso).toBe('2016-07-01T08:00:00+10:00');
    expect(p.excerpt).toBe('This file has a byte-order mark and CRLF line endings.');
    expect(p.days).toHaveLength(1);
    expect(p.days[0]).toMatchObject({ label: 'Day 1', track: 'Editors', host: 'Sam Carter' });
    expect(p.days[0].talks[0].note).toBe('Carriage returns are older than screens.');
    expect(p.body).not.toMatch(/[\r\uFEFF]/);
  });

  it('reads a file that is not UTF-8 as Windows-1252, never producing a replacement character', () => {
    const latin = Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94]), Buffer.from('\ndate: 2020-01-01\n---\n\nNa\xefve.\n', 'latin1')]);
    const p = ok(parsePost('latin.md', latin));
    expect(p.title).toBe('Café “ok”');
    expect(p.warnings.join()).toMatch(/not valid UTF-8/);
    expect(JSON.stringify(p)).not.toContain('\uFFFD');
    expect(decodeFile(new Uint8Array([0xff, 0xfe, 0x41, 0x00])).text).toBe('A');
  });

  it('detects mojibake without changing the text, and repairs it on request', () => {
    const found = parseFixture('2017-04-02-mojibake.markdown');
    expect(found.title).toBe('It‚Äôs a mojibake test üòâ');
    expect(found.warnings.join()).toMatch(/Found 9 mojibake sequences .*--repair-encoding/);
    expect(found.mojibake).toEqual({ found: 9, repaired: false });

    const repaired = parseFixture('2017-04-02-mojibake.markdown', true);
    expect(repaired.title).toBe('It’s a mojibake test 😉');
    expect(repaired.body).toContain('a wink into 😉 and a heart into ❤');
    expect(repaired.body).toContain('¯\\\\_(ツ)_/¯');
    expect(repaired.body).toContain('it’s and “quoted');
    expect(repaired.body).toContain('café, naïve, “Éric”, „Ärger“, Zürich');
    expect(repaired.warnings.join()).toMatch(/Repaired 9 mojibake sequences/);
    expect(JSON.stringify(repaired)).not.toContain('\uFFFD');
  });
});

describe('excerpt', () => {
  it('is everything before the first more marker outside code and comments, case-insensitive', () => {
    const body = '```\n<!-- more -->\n```\n\n<!-- note: <!-- more --> -->\n\nIntro `<!-- more -->` text.\n\n<!--MORE-->\n\nRest.\n';
    const p = ok(post('title: T\ndate: 2020-01-01', body));
    expect(p.excerpt).toBe('```\n<!-- more -->\n```\n\n<!-- note: <!-- more --> -->\n\nIntro `<!-- more -->` text.');
    expect(renderMarkdown(p.body).hasMoreMarker).toBe(true);
  });

  it('is null for a post without a marker (the reader pages derive one)', () => {
    const p = parseFixture('2020-02-03-no-talks-draft.markdown');
    expect(p.excerpt).toBeNull();
    expect(renderMarkdown(p.body).excerptHtml).toContain('A laptop invites email');
  });
});

describe('posts without talks', () => {
  it('keep their whole body; a bold line outside a day without a link line stays prose', () => {
    const p = parseFixture('2020-02-03-no-talks-draft.markdown');
    expect(p.days).toEqual([]);
    expect(p.body).toContain('**A bold line that is not a talk**');
    expect(p.body).not.toContain('hallway:talks');
  });
});

describe('the documented --dry-run --json shape', () => {
  const KEYS = ['file', 'error', 'title', 'date', 'categories', 'tags', 'comments', 'published', 'excerpt', 'days', 'images', 'embeds', 'warnings', 'conference', 'existing', 'problems'];

  it('has the same keys for a parsed file and a failed one', () => {
    const good = toDryRunJson(parsePost('a.markdown', read('2021-10-04-harbour-data-summit-2021.markdown')));
    const bad = toDryRunJson(parsePost('b.markdown', read('2022-06-15-broken-front-matter.markdown')));
    expect(Object.keys(good)).toEqual(KEYS);
    expect(Object.keys(bad)).toEqual(KEYS);
    expect(bad).toMatchObject({ file: 'b.markdown', title: null, date: null, days: [], comments: null, published: null });
    expect(typeof bad.error).toBe('string');
    expect(good.error).toBeNull();
    // The documented fields first, as before; what the recognizers add after them.
    expect(Object.keys(good.days[0])).toEqual(['label', 'track', 'host', 'heading', 'date', 'talks']);
    expect(Object.keys(good.days[0].talks[0])).toEqual(['title', 'url', 'links', 'note', 'speakers', 'confidence', 'selected', 'reasons', 'lines', 'match']);
    expect(Object.keys(good.days[0].talks[0].links[0])).toEqual(['kind', 'url']);
    expect(Object.keys(good.images[0])).toEqual(['src', 'width', 'height', 'class', 'title', 'alt']);
  });
});

// The real Octopress post Hallway was conceived from; CI has it beside the repository.
const SEED = path.resolve(process.cwd(), '..', 'shared', 'seeds', '000_91742472de6551c9.txt');
const hasSeed = fs.existsSync(SEED);
if (!hasSeed) console.warn(`Skipping the seed-post test: ${SEED} is not there.`);

describe.skipIf(!hasSeed)('the seed post', () => {
  const qcon = 'https://qconlondon.com/london2018/presentation/';
  const infoq = 'https://www.infoq.com/presentations/';
  const slides = 'https://qconlondon.com/system/files/presentation-slides/';

  it('has 3 days, 10 talks, each day’s track and host, and every talk’s links', () => {
    const p = ok(parsePost('000_91742472de6551c9.txt', fs.readFileSync(SEED), { repairEncoding: true }));
    expect(p.title).toBe('QCon London 2018');
    expect(p.date.iso).toBe('2018-03-12T13:08:46-07:00');
    expect(p.categories).toEqual(['Talk']);
    expect(p.comments).toBe(true);
    expect(p.days.map((d) => [d.label, d.track, d.host])).toEqual([
      ['Day 1', 'Stream Processing in the Modern Age', 'Tyler Akidau'],
      ['Day 2', "Architectures You've Always Wondered About", 'Wesley Reisz'],
      ['Day 3', 'a bit of everything', null],
    ]);
    const talks = p.days.flatMap((d) => d.talks);
    expect(talks).toHaveLength(10);
    expect(talks.map((t) => [t.title, t.url, t.links.map((l) => [l.kind, l.url])])).toEqual([
      ['Drivetribe: A Social Network on Streams', `${qcon}drivetribe-social-network-streams`, [['presentation', `${infoq}drivetribe`]]],
      ['Next Steps in Stateful Streaming with Apache Flink', `${qcon}next-steps-stateful-streaming-apache-flink`, [['presentation', `${infoq}flink-stateful-streaming`]]],
      ['Streaming SQL Foundations: Why I ❤ Streams+Tables', `${qcon}streaming-sql-foundations-why-i-%E2%9D%A4-streamstables`, [['presentation', `${infoq}sql-streaming`]]],
      ['Inside a Self-Driving Uber', `${qcon}inside-self-driving-uber`, [['presentation', `${infoq}uber-self-drive`]]],
      ['Logistics as a Service: Building the Ocado Smart Platform', `${qcon}logistics-service-building-ocado-smart-platform`, [['presentation', `${infoq}ocado`]]],
      ['Lambda Architectures: a Snapshot, a Stream, & a Bunch of Deltas', `${qcon}lambda-architectures-snapshot-stream-bunch-deltas`, [['presentation', `${infoq}lambda-streams-delta`]]],
      ['High Performance Actors', `${qcon}high-performance-actors`, [['slides', `${slides}high-performance-akka.pdf`], ['video', null]]],
      ['Cloud-Native and Scalable Kafka Architecture', `${qcon}cloud-native-and-scalable-kafka-architecture`, [['presentation', `${infoq}cloud-native-kafka-netflix`]]],
      ['Tasty Topics', `${qcon}tasty-topics`, [['slides', `${slides}qconlon18-tastytopics.pdf`]]],
      ['Cluster Consensus: When Aeron Met Raft', `${qcon}cluster-consensus-when-aeron-met-raft`, [['slides', `${slides}clusterconsensus-aeron-raft.pdf`], ['video', null]]],
    ]);
    // Every note is the author's text, without the link line; the tweet stays with its talk.
    expect(talks.every((t) => t.note.length > 50 && !t.note.startsWith('['))).toBe(true);
    expect(talks[9].note).toContain('twitter-tweet');
    expect(talks[9].note).not.toContain('widgets.js');
    // The excerpt and the non-talk sections stay in the body; the talks become a skeleton.
    expect(p.excerpt).toMatch(/^Last week/);
    expect(p.body).toContain('## My Talks');
    expect(p.body).toContain('## Summary');
    expect(p.body).toContain('<<talk 9>>');
    expect(p.body).not.toContain('**[Tasty Topics]');
    expect(p.images.map((i) => [i.src, i.width])).toEqual(
      ['4.png', '5.png', '6.png', '1.jpg', '2.png', '3.jpg'].map((n) => [`/images/posts/qcon-2018/qcon-2018-${n}`, 900]),
    );
    expect(p.embeds.map((e) => e.kind)).toEqual(['twitter', 'slideshare', 'facebook']);
    expect(JSON.stringify({ ...p, warnings: [] })).not.toMatch(/üòâ|‚ù§|„ÉÑ|\uFFFD/);
  });

  it('never crashes on its mojibake when not repairing, and says how to fix it', () => {
    const p = ok(parsePost('000_91742472de6551c9.txt', fs.readFileSync(SEED)));
    // The seed still has Mac Roman's Apple logo (U+F8FF) in front of each wink: all four bytes.
    expect(p.warnings[0]).toMatch(/Found 7 mojibake sequences .*\uF8FFüòâ” → “😉”/);
    expect(p.days.flatMap((d) => d.talks)).toHaveLength(10);
  });
});
