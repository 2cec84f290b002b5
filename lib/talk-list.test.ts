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
