import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/markdown';
import { splitFrontMatter } from './parse';
import { parseLinkLine, parseTalkLine } from './canonical';
import { parseDayLabel } from './days';
import { findHost } from './names';
import { findSkeletons, mapSkeletonRefs } from './skeleton';
import { parseStructure } from './structure';

const fixtureBody = (name: string) => splitFrontMatter(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8')).body;

describe('line rules', () => {
  it('reads Day headings, with the track after the colon', () => {
    expect(parseDayLabel('Day 1: Stream Processing in the Modern Age')).toMatchObject({ number: 1, track: 'Stream Processing in the Modern Age', host: null });
    expect(parseDayLabel('Day 2')).toMatchObject({ number: 2, track: null, host: null });
    expect(parseDayLabel('day three – Architecture')).toMatchObject({ number: 3, track: 'Architecture', host: null });
    expect(parseDayLabel('Day 1 (Monday): Data, hosted by Ann Lee')).toMatchObject({ number: 1, weekday: 1, track: 'Data', host: 'Ann Lee' });
    expect(parseDayLabel('Daybreak')).toBeNull();
    expect(parseDayLabel('My Talks')).toBeNull();
  });

  it('finds "hosted by NAME" in a day’s text', () => {
    expect(findHost('Monday meant the `Stream Processing` room, a track hosted by Tyler Akidau.')).toBe('Tyler Akidau');
    expect(findHost('Hosted by Sam Carter.')).toBe('Sam Carter');
    expect(findHost('The track was hosted by Ludwig van Beethoven and it was loud')).toBe('Ludwig van Beethoven');
    expect(findHost('Nobody hosted anything.')).toBeNull();
  });

  it('reads a talk line: a bold link or bold title alone, optionally with speakers', () => {
    expect(parseTalkLine('**[Tasty Topics](https://conf.example/tasty-topics)**')).toEqual({ title: 'Tasty Topics', url: 'https://conf.example/tasty-topics', speakers: [] });
    expect(parseTalkLine('**Hallway Track Live**')).toEqual({ title: 'Hallway Track Live', url: null, speakers: [] });
    expect(parseTalkLine('**[A \\*starred\\* title](https://x.example/a)** by Ann Lee, Bo Chen and Cy Diaz')).toEqual({
      title: 'A *starred* title', url: 'https://x.example/a', speakers: ['Ann Lee', 'Bo Chen', 'Cy Diaz'],
    });
    expect(parseTalkLine('**[Link](https://x.example)** is what I said in this sentence.')).toBeNull();
    expect(parseTalkLine('A sentence with **bold** in it.')).toBeNull();
    expect(parseTalkLine('**[one](https://a.example) and [two](https://b.example)**')).toBeNull();
  });

  it('reads a link line: links by label separated by |, "(not yet available)" meaning no URL', () => {
    expect(parseLinkLine('[Slides](https://s.example/a.pdf) | Video (not yet available)')).toEqual([
      { kind: 'slides', label: 'Slides', url: 'https://s.example/a.pdf' },
      { kind: 'video', label: 'Video', url: null },
    ]);
    expect(parseLinkLine('[Presentation](https://p.example) | [Video](https://v.example) | [Blog post](https://b.example)')).toEqual([
      { kind: 'presentation', label: 'Presentation', url: 'https://p.example' },
      { kind: 'video', label: 'Video', url: 'https://v.example' },
      { kind: 'other', label: 'Blog post', url: 'https://b.example' },
    ]);
    expect(parseLinkLine('Great talk | loved it')).toBeNull();
    expect(parseLinkLine('Video')).toBeNull();
    expect(parseLinkLine('- [Slides](https://s.example)')).toBeNull();
  });
});

describe('parseStructure', () => {
  it('splits a recap into days, tracks, hosts, talks, links and notes, leaving the prose in the body', () => {
    const { body, days } = parseStructure(fixtureBody('2021-10-04-harbour-data-summit-2021.markdown'));
    expect(days.map((d) => [d.label, d.number, d.track, d.host, d.talks.map((t) => t.title)])).toEqual([
      ['Day 1', 1, 'Queues and Logs', 'Marit Lund', ['Backpressure in Practice', 'The Log Is the Database']],
      ['Day 2', 2, 'Lakes and Warehouses', 'Priya Natarajan', ['Lakehouse Without the Hype', 'Hallway Track Live']],
    ]);
    const [backpressure, log] = days[0].talks;
    expect(backpressure.note).toBe(
      'A calm walk through what happens when consumers fall behind. The speaker drew the buffers as harbour basins filling up with boats, which made the point stick.\n\n' +
        "{% img /images/posts/harbour-2021/basins.png 640 'Basins' 'Buffers drawn as harbour basins' %}",
    );
    expect(log.speakers).toEqual(['Jonas Berg', 'Ana Costa']);
    expect(log.links).toEqual([
      { kind: 'slides', label: 'Slides', url: 'https://harbourdata.example/slides/log-db.pdf' },
      { kind: 'video', label: 'Video', url: null },
    ]);
    // The last note ends at the next heading, which stays in the body.
    expect(days[1].talks[1].note).toBe('No links for this one: it was an unrecorded, open conversation about on-call rotations.');
    expect(days.flatMap((d) => d.talks.map((t) => t.index))).toEqual([0, 1, 2, 3]);

    expect(body).toContain('## What I would do differently\n\nSkip the second coffee queue');
    expect(body).not.toContain('**[Backpressure');
    const [skeleton] = findSkeletons(body);
    expect(skeleton.parts).toEqual([
      { kind: 'text', text: "## Sessions worth your time\n\n### Day 1: Queues and Logs\n\nThe opening track was hosted by Marit Lund, who kept every speaker on time with a ship's bell." },
      { kind: 'talk', ref: '0' },
      { kind: 'talk', ref: '1' },
      { kind: 'text', text: '### Day 2: Lakes and Warehouses\n\nI stayed in one room again; this track was hosted by Priya Natarajan.' },
      { kind: 'talk', ref: '2' },
      { kind: 'talk', ref: '3' },
    ]);
    // The skeleton is invisible to readers: the talks are shown from the database.
    expect(renderMarkdown(body).html).not.toMatch(/Sessions worth|Marit Lund|talk 0/);
  });

  it('puts talks listed without Day headings into one unnamed day (a link line is required there)', () => {
    const { days, body } = parseStructure(fixtureBody('2019-09-09-talks-without-days.markdown'));
    expect(days).toHaveLength(1);
    expect(days[0]).toMatchObject({ label: null, number: null, track: null, host: null });
    expect(days[0].talks.map((t) => [t.title, t.links.map((l) => [l.kind, l.url])])).toEqual([
      ['Retries Considered Harmful', [['slides', 'https://meetup.example/2019-09/retries.pdf']]],
      ['Idempotency Keys at Scale', [['presentation', 'https://videos.example/meetup/idempotency'], ['video', null]]],
    ]);
    expect(body).toContain('## Next month');
    expect(parseStructure('**[A lone bold link](https://x.example)**\n\nJust prose.\n').days).toEqual([]);
  });

  it('ends a note at a sub-heading inside a day, and the day goes on', () => {
    const md = '## Day 1: Mixed\n\n**Talk A**\n\nNote A.\n\n### Afternoon\n\nAfter lunch.\n\n**Talk B**\n\nNote B.\n\n## Later\n\nEnd.\n';
    const { days, body } = parseStructure(md);
    expect(days[0].talks.map((t) => [t.title, t.note])).toEqual([['Talk A', 'Note A.'], ['Talk B', 'Note B.']]);
    expect(findSkeletons(body)[0].parts.map((p) => (p.kind === 'talk' ? `#${p.ref}` : p.text))).toEqual([
      '## Day 1: Mixed', '#0', '### Afternoon\n\nAfter lunch.', '#1',
    ]);
    expect(body).toMatch(/-->\n\n## Later\n\nEnd\.\n$/);
  });

  it('never reads talks inside code, and stops at the excerpt marker', () => {
    const md = '```\n## Day 1: Fake\n**[Not a talk](https://x.example)**\n```\n\n## Day 1: Real\n\n**Real talk**\n\nNote.\n\n<!-- more -->\n\nAfter the marker.\n';
    const { days, body } = parseStructure(md);
    expect(days.flatMap((d) => d.talks.map((t) => [t.title, t.note]))).toEqual([['Real talk', 'Note.']]);
    expect(body).toContain('<!-- more -->\n\nAfter the marker.');
  });

  it('skeleton text survives anything, including "-->" and ">" in the prose', () => {
    const md = '## Day 1: A --> B\n\n> quoted, hosted by Ann Lee & co\n\n**Talk**\n\nNote.\n';
    const { body, days } = parseStructure(md);
    expect(days[0]).toMatchObject({ track: 'A --> B', host: 'Ann Lee' });
    expect(body.match(/-->/g)).toHaveLength(1);
    expect(findSkeletons(body)[0].parts[0]).toEqual({ kind: 'text', text: '## Day 1: A --> B\n\n> quoted, hosted by Ann Lee & co' });
    const renamed = mapSkeletonRefs(body, (ref) => (ref === '0' ? 'the-talk' : null));
    expect(findSkeletons(renamed)[0].parts[1]).toEqual({ kind: 'talk', ref: 'the-talk' });
    expect(findSkeletons(mapSkeletonRefs(body, () => null))[0].parts).toHaveLength(1);
  });
});
