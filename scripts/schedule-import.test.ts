import { testDatabasePath } from '@/lib/testing/fresh-db';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The real `npm run schedule:import` command against this test file's own database. */
const { db } = await import('@/db/index');
const t = await import('@/db/schema');

const run = promisify(execFile);
const FIXTURE = path.join(process.cwd(), 'lib', 'schedule', 'fixtures', 'lakeside-2025.xml');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hallway-schedule-cli-'));
let server: http.Server;
let base: string;

async function cli(args: string[], extraEnv: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', '--conditions=react-server', 'scripts/schedule-import.ts', ...args], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_PATH: testDatabasePath, SEED_DEMO: 'false', SITE_URL: 'http://localhost:3000', ...extraEnv },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

beforeAll(async () => {
  db.insert(t.users).values({ email: 'boss@example.com', name: 'Boss', handle: 'boss', role: 'admin' }).run();
  server = http.createServer((req, res) => (req.url === '/schedule.xml' ? res.end(fs.readFileSync(FIXTURE)) : (res.writeHead(404), res.end())));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('npm run schedule:import', { timeout: 180_000 }, () => {
  it('--dry-run --json prints the documented shape on stdout and writes nothing', async () => {
    const { code, stdout, stderr } = await cli([FIXTURE, '--dry-run', '--json']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/New conference “Lakeside Systems Days 2025”/);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['file', 'error', 'format', 'conference', 'rooms', 'days', 'warnings']);
    expect(out).toMatchObject({
      file: 'lib/schedule/fixtures/lakeside-2025.xml',
      error: null,
      format: 'frab-xml',
      conference: { title: 'Lakeside Systems Days 2025', timeZone: 'Europe/Oslo', start: '2025-05-14', end: '2025-05-15' },
      rooms: ['Boathouse', 'Pier Hall', 'Sauna'],
      warnings: [],
    });
    expect(out.days.map((d: { date: string; talks: unknown[] }) => [d.date, d.talks.length])).toEqual([['2025-05-14', 4], ['2025-05-15', 1]]);
    expect(out.days[0].talks[0]).toEqual({
      title: 'Pagers at Dawn',
      start: '2025-05-14T09:00',
      durationMinutes: 45,
      room: 'Boathouse',
      track: 'Operations',
      speakers: ['Ingrid Solberg'],
      guid: '0b6f5e4d-3c2b-4a19-8f7e-6d5c4b3a2910',
    });
    // After midnight, still on the first day.
    expect(out.days[0].talks.at(-1)).toMatchObject({ title: 'Midnight Lightning Round', start: '2025-05-15T00:30' });
    expect(db.select({ n: count() }).from(t.conferences).get()!.n).toBe(0);
  });

  it('several files give a JSON array, with a per-file error; exit 1 when one fails', async () => {
    const bad = path.join(tmp, 'notes.json');
    fs.writeFileSync(bad, '{"not": "a schedule"}');
    const { code, stdout } = await cli([FIXTURE, bad, '--dry-run', '--json']);
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out).toHaveLength(2);
    expect(out[1]).toMatchObject({ file: path.relative(process.cwd(), bad), format: null, conference: null, days: [] });
    expect(out[1].error).toMatch(/not a schedule we can read/);
  });

  it('imports, then imports the same file again without changing anything', async () => {
    const first = await cli([FIXTURE]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/created \/conferences\/lakeside-systems-days-2025: 5 added/);
    const again = await cli([FIXTURE, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ conference: 'lakeside-systems-days-2025', added: 0, updated: 0, unchanged: 5, removed: 0, kept: [] });
  });

  it('lists talks gone from the file and deletes them only with --remove-missing', async () => {
    const edited = path.join(tmp, 'edited.xml');
    fs.writeFileSync(edited, fs.readFileSync(FIXTURE, 'utf8').replace(/<room name="Pier Hall" guid="[^"]+">\s*<event guid="4fad[\s\S]*?<\/event>\s*<\/room>/, ''));
    const listed = await cli([edited, '--conference', 'lakeside-systems-days-2025']);
    expect(listed.stdout).toMatch(/kept “Hands-on: Tracing a Request” \(no longer in the file; --remove-missing deletes it\)/);
    const conf = db.select().from(t.conferences).where(eq(t.conferences.slug, 'lakeside-systems-days-2025')).get()!;
    expect(db.select({ n: count() }).from(t.talks).where(eq(t.talks.conferenceId, conf.id)).get()!.n).toBe(5);
    const removed = await cli([edited, '--conference', 'lakeside-systems-days-2025', '--remove-missing', '--json']);
    expect(JSON.parse(removed.stdout)).toMatchObject({ removed: 1, kept: [] });
    expect(db.select({ n: count() }).from(t.talks).where(eq(t.talks.conferenceId, conf.id)).get()!.n).toBe(4);
  });

  it('imports from a URL; refuses a loopback address unless allowed for tests', async () => {
    const refused = await cli([`${base}/schedule.xml`, '--dry-run', '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).error).toMatch(/private or local address/);
    const fetched = await cli([`${base}/schedule.xml`, '--dry-run', '--json'], { SCHEDULE_FETCH_ALLOW: '127.0.0.1' });
    expect(fetched.code).toBe(0);
    expect(JSON.parse(fetched.stdout)).toMatchObject({ format: 'frab-xml', conference: { title: 'Lakeside Systems Days 2025' } });
    const missing = await cli([`${base}/nothing.xml`, '--dry-run'], { SCHEDULE_FETCH_ALLOW: '127.0.0.1' });
    expect(missing.stdout).toMatch(/The server answered 404/);
  });

  it('exits 2 for bad usage', async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli([FIXTURE, '--time-zone', 'Mars/Olympus'])).stderr).toMatch(/not a time zone name/);
    expect((await cli([FIXTURE, '--conference', 'no-such-slug'])).code).toBe(2);
  });
});
