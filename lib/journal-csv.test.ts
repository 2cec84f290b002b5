import { describe, expect, it } from 'vitest';
import { JOURNAL_CSV_COLUMNS, journalToCsv, parseJournalCsv, talkSlugsFromUrl, type JournalCsvRow } from './journal-csv';

const row = (over: Partial<JournalCsvRow> = {}): JournalCsvRow => ({
  date: '2018-03-05',
  conference: 'QCon London 2018',
  day: 1,
  track: 'Stream Processing',
  talk: 'Drivetribe, a social network on streams',
  speakers: ['Aris Koliopoulos', 'Alex Chantzaras'],
  seenHow: 'room',
  stars: 4,
  review: 'Line one, with a comma\nLine "two"',
  talkUrl: 'http://localhost:3000/conferences/qcon-london-2018/talks/drivetribe-social-network-streams',
  seenOn: '2018-03-05',
  ...over,
});

describe('journal CSV', () => {
  it('writes exactly the documented columns, with a BOM and CRLF records', () => {
    const csv = journalToCsv([row()]);
    expect(csv.startsWith('\uFEFFdate,conference,day,track,talk,speakers,how seen,stars,review,talk URL,seen on\r\n')).toBe(true);
    expect(JOURNAL_CSV_COLUMNS).toHaveLength(11);
  });

  it('reads back what it wrote: commas, quotes, line breaks, empty stars, accents', () => {
    const rows = [row(), row({ stars: null, review: null, seenHow: 'recording', talk: 'Café ☕ talk', talkUrl: '/conferences/fjord-dev-days-2019/talks/five-minute-fixes', seenOn: '2019-11-02' })];
    const parsed = parseJournalCsv(journalToCsv(rows));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows.map((r) => [r.row, r.slugs, r.stars, r.review, r.seenHow, r.talk, r.seenOn, r.problem])).toEqual([
      [2, { conferenceSlug: 'qcon-london-2018', talkSlug: 'drivetribe-social-network-streams' }, 4, 'Line one, with a comma\nLine "two"', 'room', rows[0].talk, '2018-03-05', null],
      [3, { conferenceSlug: 'fjord-dev-days-2019', talkSlug: 'five-minute-fixes' }, null, null, 'recording', 'Café ☕ talk', '2019-11-02', null],
    ]);
  });

  it('defuses spreadsheet formulas on export and restores the text on import', () => {
    const csv = journalToCsv([row({ talk: '=HYPERLINK("http://evil.example")', review: '-1 for the slides' })]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).toContain("'-1 for the slides");
    const parsed = parseJournalCsv(csv);
    expect(parsed.ok && parsed.rows[0].talk).toBe('=HYPERLINK("http://evil.example")');
    expect(parsed.ok && parsed.rows[0].review).toBe('-1 for the slides');
  });

  it('reports bad stars, how-seen and seen-on values per row, and refuses a file without the header', () => {
    const parsed = parseJournalCsv('talk URL,stars,how seen,seen on\n/conferences/a/talks/b,7,room,\n/conferences/a/talks/c,,telepathy,\n/conferences/a/talks/d,,room,2019-02-30\n/conferences/a/talks/e,,room,\n');
    expect(parsed.ok && parsed.rows.map((r) => r.problem)).toEqual([expect.stringContaining('stars must be 1 to 5'), expect.stringContaining('how seen'), expect.stringContaining('seen on must be a date'), null]);
    // A file written before the column existed (or an empty cell) means the talk's own day.
    expect(parsed.ok && parsed.rows[3].seenOn).toBeNull();
    expect(parseJournalCsv('just,some,columns\n1,2,3\n')).toMatchObject({ ok: false });
    expect(parseJournalCsv('')).toMatchObject({ ok: false });
  });

  it('finds the talk in any Hallway talk URL, whatever the host', () => {
    expect(talkSlugsFromUrl('https://hallway.example.org/conferences/qcon-london-2018/talks/tasty-topics?x=1')).toEqual({ conferenceSlug: 'qcon-london-2018', talkSlug: 'tasty-topics' });
    expect(talkSlugsFromUrl('https://qconlondon.com/london2018/presentation/tasty-topics')).toBeNull();
  });
});
