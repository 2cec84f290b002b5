import { describe, expect, it } from 'vitest';
import { parseTalkList } from './talk-list';

describe('paste a list of talks', () => {
  it('reads "Title — Speaker, Speaker" lines, with any dash and optional times and bullets', () => {
    const { talks, problems } = parseTalkList(
      [
        'Streams and tables — Tyler Akidau',
        '09:30 Scaling Kafka – Jane Doe, John Roe',
        '- Kafka — the good parts — Ann Lee & Bo Chen',
        '',
        '2. Closing keynote',
        'Panel: the future - Ann Lee and Tyler Akidau',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(talks.map(({ title, speakers, startTime }) => ({ title, speakers, startTime }))).toEqual([
      { title: 'Streams and tables', speakers: ['Tyler Akidau'], startTime: null },
      { title: 'Scaling Kafka', speakers: ['Jane Doe', 'John Roe'], startTime: '09:30' },
      { title: 'Kafka — the good parts', speakers: ['Ann Lee', 'Bo Chen'], startTime: null },
      { title: 'Closing keynote', speakers: [], startTime: null },
      { title: 'Panel: the future', speakers: ['Ann Lee', 'Tyler Akidau'], startTime: null },
    ]);
  });

  it('keeps hyphenated words in titles and names', () => {
    const { talks } = parseTalkList('Event-driven state-of-the-art — Jean-Luc Picard');
    expect(talks[0]).toMatchObject({ title: 'Event-driven state-of-the-art', speakers: ['Jean-Luc Picard'] });
  });

  it('reports lines it cannot use, by number', () => {
    const { problems } = parseTalkList(`— Nobody\n${'x'.repeat(201)} — Someone`);
    expect(problems.map((p) => p.line)).toEqual([1, 2]);
  });
});

describe('paste preview', () => {
  it('flags a line that starts like a time but is none, and a title of dashes only, and reads the rest', () => {
    const { talks, problems, lines } = parseTalkList(['09:30 Good talk — Jane Doe', '25:99 Bad time talk', ' — ', '9.15 Early — Bo Chen', '', 'Untimed talk'].join('\n'));
    expect(talks.map((t) => [t.startTime, t.title])).toEqual([
      ['09:30', 'Good talk'],
      ['09:15', 'Early'],
      [null, 'Untimed talk'],
    ]);
    expect(problems).toEqual([
      { line: 2, message: 'Line 2: “25:99” is not a time of day (00:00 to 23:59).' },
      { line: 3, message: 'Line 3 has no title.' },
    ]);
    expect(lines.map((l) => [l.line, l.talk ? 'talk' : 'problem'])).toEqual([
      [1, 'talk'],
      [2, 'problem'],
      [3, 'problem'],
      [4, 'talk'],
      [6, 'talk'],
    ]);
  });
});
