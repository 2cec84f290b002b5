import { testDatabasePath } from '@/lib/testing/fresh-db';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The real `npm run import` / `npm run export` commands (`npx tsx scripts/….ts`), against this
 * test file's own database (DATABASE_PATH, see lib/testing/fresh-db.ts).
 */
const { db } = await import('@/db/index');
const t = await import('@/db/schema');

const run = promisify(execFile);
const FIXTURES = path.join(process.cwd(), 'lib', 'jekyll', 'fixtures');
const fixture = (name: string) => path.join(FIXTURES, name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hallway-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function cli(script: 'import' | 'export', args: string[], databasePath = testDatabasePath) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', `scripts/${script}.ts`, ...args], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_PATH: databasePath, SEED_DEMO: 'false', SITE_URL: 'http://localhost:3000' },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const postCount = () => db.select({ n: count() }).from(t.posts).get()!.n;

beforeAll(() => {
  db.insert(t.users).values([
    { email: 'boss@example.com', name: 'Boss', handle: 'boss', role: 'admin' },
    { email: 'writer@example.com', name: 'Writer', handle: 'writer', role: 'author' },
    { email: 'reader@example.com', name: 'Reader', handle: 'reader', role: 'reader' },
  ]).run();
});

// Each case starts real processes (tsx, the markdown pipeline): slow on a busy machine.
describe('npm run import', { timeout: 180_000 }, () => {
  it('exits 0 when every file imported, with a progress line per file and a summary', async () => {
    const { code, stdout } = await cli('import', [fixture('2021-10-04-harbour-data-summit-2021.markdown'), fixture('2020-02-03-no-talks-draft.markdown'), '--source', path.join(FIXTURES, 'source')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/✓ imported +lib\/jekyll\/fixtures\/2021-10-04-harbour-data-summit-2021\.markdown → \/posts\/harbour-data-summit-2021 — Harbour Data Summit 2021 \(new\): 4 talks, 4 new/);
    expect(stdout).toMatch(/✓ imported +lib\/jekyll\/fixtures\/2020-02-03-no-talks-draft\.markdown → \/posts\/no-talks-draft/);
    expect(stdout).toMatch(/2 files: 2 imported, 0 updated, 0 failed, \d+ warnings?\. Author: boss@example\.com\./);
    // The default author is the first admin.
    const boss = db.select().from(t.users).where(eq(t.users.email, 'boss@example.com')).get()!;
    expect(db.select().from(t.posts).where(eq(t.posts.slug, 'harbour-data-summit-2021')).get()!.authorId).toBe(boss.id);
  });

  it('updates on a second run instead of duplicating', async () => {
    const before = postCount();
    const { code, stdout } = await cli('import', [fixture('2020-02-03-no-talks-draft.markdown')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/✓ updated +.*no-talks-draft/);
    expect(stdout).toMatch(/1 file: 0 imported, 1 updated, 0 failed/);
    expect(postCount()).toBe(before);
  });

  it('exits 1 when a file fails, naming it and the problem, while the others import', async () => {
    const folder = path.join(tmp, '_posts');
    fs.mkdirSync(folder, { recursive: true });
    for (const name of ['2022-06-15-broken-front-matter.markdown', '2016-07-01-crlf-bom.markdown', '2019-09-09-talks-without-days.markdown']) {
      fs.copyFileSync(fixture(name), path.join(folder, name));
    }
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not markdown, ignored in a folder');
    const before = postCount();
    const { code, stdout } = await cli('import', [folder, '--author', 'writer@example.com']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ failed +.*2022-06-15-broken-front-matter\.markdown: 2022-06-15-broken-front-matter\.markdown: front matter is not valid YAML/);
    expect(stdout).toMatch(/3 files: 2 imported, 0 updated, 1 failed/);
    expect(stdout).toContain('Author: writer@example.com');
    expect(postCount()).toBe(before + 2);
  });

  it('exits 2 for bad usage, writing nothing', async () => {
    const before = postCount();
    const cases: [string[], RegExp][] = [
      [[], /name at least one file or folder/],
      [['--frobnicate', fixture('2016-07-01-crlf-bom.markdown')], /Unknown option '--frobnicate'/],
      [[path.join(tmp, 'missing.md')], /no such file or folder/],
      [[fixture('2016-07-01-crlf-bom.markdown'), '--author', 'nobody@example.com'], /no account with this e-mail/],
      [[fixture('2016-07-01-crlf-bom.markdown'), '--author', 'reader@example.com'], /is a reader/],
      [[fixture('2016-07-01-crlf-bom.markdown'), '--source', path.join(tmp, 'nope')], /not a folder/],
      [[fixture('2016-07-01-crlf-bom.markdown'), '--conference', 'no-such-conference'], /no conference with this slug/],
      [[fixture('2016-07-01-crlf-bom.markdown'), '--talks', 'some'], /--talks some: use confident, all or none/],
    ];
    const outcomes = await Promise.all(cases.map(([args]) => cli('import', args)));
    outcomes.forEach(({ code, stderr }, i) => {
      expect(code, cases[i][0].join(' ')).toBe(2);
      expect(stderr).toMatch(cases[i][1]);
      expect(stderr).toContain('Usage: npm run import');
    });
    expect(postCount()).toBe(before);
  });

  it('--dry-run --json prints the documented shape and writes nothing, not even a database', async () => {
    const fresh = path.join(tmp, 'never-created', 'hallway.db');
    const one = await cli('import', ['--dry-run', '--json', fixture('2016-07-01-crlf-bom.markdown')], fresh);
    expect(one.code).toBe(0);
    const entry = JSON.parse(one.stdout);
    expect(entry).toEqual({
      file: 'lib/jekyll/fixtures/2016-07-01-crlf-bom.markdown',
      error: null,
      title: 'Saved on Windows',
      date: '2016-07-01T08:00:00+10:00',
      categories: ['Windows'],
      tags: [],
      comments: false,
      published: true,
      excerpt: 'This file has a byte-order mark and CRLF line endings.',
      days: [
        {
          label: 'Day 1',
          track: 'Editors',
          host: 'Sam Carter',
          heading: 'Day 1: Editors',
          date: null,
          talks: [
            {
              title: 'Line Endings Explained',
              url: 'https://example.com/talks/line-endings',
              links: [{ kind: 'slides', url: 'https://example.com/line-endings.pdf' }],
              note: 'Carriage returns are older than screens.',
              speakers: [],
              confidence: expect.any(Number),
              selected: true,
              reasons: expect.arrayContaining(['a bold line', 'under the day “Day 1: Editors”']),
              lines: [16, 20],
              // No journal to match against: the dry run did not create one.
              match: null,
            },
          ],
        },
      ],
      images: [],
      embeds: [],
      warnings: [],
      conference: null,
      existing: null,
      problems: [],
    });
    expect(entry.days[0].talks[0].confidence).toBeGreaterThanOrEqual(0.6);
    expect(one.stderr).toMatch(/1 file checked: 1 readable, 0 failed, 0 warnings\. Nothing was written\./);

    const several = await cli('import', ['--dry-run', '--json', fixture('2018-03-20-embeds.markdown'), fixture('2022-06-15-broken-front-matter.markdown')], fresh);
    expect(several.code).toBe(1);
    const entries = JSON.parse(several.stdout);
    expect(Array.isArray(entries)).toBe(true);
    expect(entries.map((e: { error: string | null }) => e.error === null)).toEqual([true, false]);
    expect(entries[0].embeds.map((e: { kind: string }) => e.kind)).toEqual(['twitter', 'slideshare', 'youtube', 'vimeo', 'facebook', 'other']);
    expect(entries[1].error).toMatch(/broken-front-matter\.markdown: front matter is not valid YAML/);
    expect(fs.existsSync(path.dirname(fresh))).toBe(false);
  });

  it('--repair-encoding repairs mojibake; without it the text is kept and a warning says how', async () => {
    const plain = await cli('import', ['--dry-run', '--json', fixture('2017-04-02-mojibake.markdown')]);
    expect(JSON.parse(plain.stdout).title).toBe('It‚Äôs a mojibake test üòâ');
    expect(JSON.parse(plain.stdout).warnings[0]).toMatch(/--repair-encoding/);
    const repaired = await cli('import', ['--dry-run', '--json', '--repair-encoding', fixture('2017-04-02-mojibake.markdown')]);
    expect(JSON.parse(repaired.stdout).title).toBe('It’s a mojibake test 😉');
  });
});

describe('npm run import: the talks it proposes', { timeout: 240_000 }, () => {
  const RIVERSIDE = fixture('2023-05-12-riverside-js-2023.markdown');

  it('--dry-run --json adds confidence, speakers and the match to each talk, and --talks decides which are imported', async () => {
    const none = await cli('import', ['--dry-run', '--json', '--talks', 'none', RIVERSIDE]);
    expect(none.code).toBe(0);
    const entry = JSON.parse(none.stdout);
    // The journal exists: the dry run looked in it (read-only) for the conference and the talks.
    expect(entry.conference).toEqual({ kind: 'new', name: 'RiversideJS 2023', slug: 'riversidejs-2023', reason: 'new, named after the title' });
    expect(entry.existing).toBeNull();
    const talks = entry.days.flatMap((d: { talks: unknown[] }) => d.talks);
    expect(talks[0]).toMatchObject({ title: 'Async Iterators in Anger', speakers: ['Lena Park'], selected: false, lines: [14, 14], match: { kind: 'new' } });
    expect(talks[0].confidence).toBeGreaterThanOrEqual(0.6);
    expect(none.stderr).toMatch(/2 days, 5 talks \(0 to import with --talks none\)/);

    const before = postCount();
    const imported = await cli('import', ['--talks', 'confident', RIVERSIDE, '--author', 'writer@example.com']);
    expect(imported.stdout).toMatch(/✓ imported +.*riverside-js-2023\.markdown → \/posts\/riverside-js-2023 — RiversideJS 2023 \(new\): 5 talks, 5 new/);
    expect(postCount()).toBe(before + 1);

    const again = JSON.parse((await cli('import', ['--dry-run', '--json', RIVERSIDE, '--author', 'writer@example.com'])).stdout);
    expect(again.existing).toEqual({ kind: 'update', slug: 'riverside-js-2023', title: 'RiversideJS 2023, in short' });
    expect(again.days[0].talks[0].match).toMatchObject({ kind: 'existing', title: 'Async Iterators in Anger', by: 'link' });
  });

  it('leaves a deleted recap deleted, unless --restore-deleted', async () => {
    const RIVERSIDE_POST = db.select().from(t.posts).where(eq(t.posts.slug, 'riverside-js-2023')).get()!;
    db.update(t.posts).set({ status: 'deleted', deletedAt: Date.now() }).where(eq(t.posts.id, RIVERSIDE_POST.id)).run();
    const kept = await cli('import', [RIVERSIDE, '--author', 'writer@example.com']);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toMatch(/0 imported, 0 updated, 0 failed, 1 left deleted/);
    expect(db.select().from(t.posts).where(eq(t.posts.id, RIVERSIDE_POST.id)).get()!.status).toBe('deleted');
    const restored = await cli('import', [RIVERSIDE, '--author', 'writer@example.com', '--restore-deleted']);
    expect(restored.stdout).toMatch(/1 restored/);
    expect(db.select().from(t.posts).where(eq(t.posts.id, RIVERSIDE_POST.id)).get()!.status).toBe('published');
  });
});

describe('npm run export', { timeout: 180_000 }, () => {
  it('writes _posts/ and images/ that import back', async () => {
    const out = path.join(tmp, 'export');
    const { code, stdout } = await cli('export', ['--out', out, '--author', 'boss@example.com']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Exported 2 posts and 1 image to /);
    expect(fs.readdirSync(path.join(out, '_posts')).sort()).toEqual(['2020-02-03-no-talks-draft.markdown', '2021-10-04-harbour-data-summit-2021.markdown']);
    expect(fs.readdirSync(path.join(out, 'images'))).toHaveLength(1);
    const dry = await cli('import', ['--dry-run', path.join(out, '_posts'), '--source', out]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/"Harbour Data Summit 2021: queues, lakes & a lighthouse" — 2 days, 4 talks, 1 images/);
    expect(dry.stdout).not.toMatch(/not found/);

    expect((await cli('export', [])).code).toBe(2);
  });
});
