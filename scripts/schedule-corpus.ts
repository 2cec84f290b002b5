/**
 * `npm run schedule:corpus [-- DIR]` (default ../shared/corpus/schedules)
 *
 * Checks the schedule importer against a folder of real schedule files and its manifest.json:
 * for every file, the days, rooms (declared and holding events) and events found, and the
 * first event's title, start, room and speakers, next to the manifest's figures; then a real
 * import into a scratch database, a second import that must change nothing, and the time and
 * peak memory (maximum resident set) of the import. Each file runs in a process of its own, so
 * the memory figure is that file's. Exit 1 when any figure differs.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type ManifestEntry = {
  file: string;
  days: number | null;
  rooms: number | null;
  events: number | null;
  rooms_used: number | null;
  days_used: number | null;
  size_bytes: number;
  first_event: { title: string; start: string; room: string; persons: string[] } | null;
};

type Figures = {
  file: string;
  error: string | null;
  format: string | null;
  days: number;
  daysUsed: number;
  rooms: number;
  roomsUsed: number;
  events: number;
  first: { title: string; start: string; startsAt: number | null; room: string | null; speakers: string[] } | null;
  import: { seconds: number; added: number };
  reimport: { seconds: number; added: number; updated: number; removed: number; unchanged: number };
  peakMemoryMB: number;
};

// ------------------------------------------------------------------ one file (child process)

if (process.argv[2] === '--one') {
  const file = process.argv[3];
  process.env.DATABASE_PATH = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hallway-corpus-')), 'hallway.db');
  process.env.SEED_DEMO = 'false';
  const { db } = await import('@/db/index');
  const { users } = await import('@/db/schema');
  const { parseSchedule } = await import('@/lib/schedule/parse');
  const { applyScheduleImport } = await import('@/db/schedule');
  const user = db.insert(users).values({ email: 'corpus@example.com', name: 'Corpus', handle: 'corpus', role: 'admin' }).returning().get();
  const bytes = fs.readFileSync(file);
  const started = performance.now();
  const parsed = parseSchedule(bytes);
  if (!parsed.ok) {
    console.log(JSON.stringify({ file: path.basename(file), error: parsed.error }));
    process.exit(0);
  }
  const s = parsed.schedule;
  const target = { kind: 'auto' as const, name: s.conference.title ?? path.basename(file) };
  const first = applyScheduleImport({ schedule: s, target, userId: user.id, source: path.basename(file) });
  const importSeconds = (performance.now() - started) / 1000;
  const again = performance.now();
  const reparsed = parseSchedule(bytes);
  const second = reparsed.ok ? applyScheduleImport({ schedule: reparsed.schedule, target, userId: user.id, source: path.basename(file) }) : null;
  const reimportSeconds = (performance.now() - again) / 1000;
  const talks = s.days.flatMap((d) => d.talks);
  const t = s.days.find((d) => d.talks.length)?.talks[0] ?? null;
  const figures: Figures = {
    file: path.basename(file),
    error: null,
    format: s.format,
    days: s.days.length,
    daysUsed: s.days.filter((d) => d.talks.length).length,
    rooms: s.rooms.length,
    roomsUsed: new Set(talks.map((x) => x.room).filter(Boolean)).size,
    events: talks.length + s.unscheduled.length,
    first: t && { title: t.title, start: t.start!, startsAt: t.startsAt, room: t.room, speakers: t.speakers.map((p) => p.name) },
    import: { seconds: importSeconds, added: first.added },
    reimport: { seconds: reimportSeconds, added: second?.added ?? -1, updated: second?.updated ?? -1, removed: second?.removed ?? -1, unchanged: second?.unchanged ?? -1 },
    peakMemoryMB: process.resourceUsage().maxRSS / 1024,
  };
  db.$client.close();
  console.log(JSON.stringify(figures));
  process.exit(0);
}

// ------------------------------------------------------------------ the folder

const dir = path.resolve(process.argv[2] ?? path.join(process.cwd(), '..', 'shared', 'corpus', 'schedules'));
const manifestFile = path.join(dir, 'manifest.json');
if (!fs.existsSync(manifestFile)) {
  console.error(`No manifest.json in ${dir}: nothing to check.`);
  process.exit(2);
}
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { files: ManifestEntry[] };

/** A manifest start with an offset (or `Z`, also in iCalendar's basic form) is an instant; without, a wall-clock time. */
function expectedStart(start: string): { instant: number } | { local: string } {
  const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?Z$/.exec(start);
  if (basic) return { instant: Date.UTC(+basic[1], +basic[2] - 1, +basic[3], +basic[4], +basic[5]) };
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(start)) return { instant: Date.parse(start) };
  return { local: start.slice(0, 16) };
}

let differences = 0;
const rows: string[][] = [['file', 'format', 'days', 'rooms', 'events', 'first event', 'import', '2nd import', 'peak RSS']];
const mark = (ok: boolean) => {
  if (!ok) differences++;
  return ok ? '✓' : '✗';
};
for (const entry of manifest.files) {
  if (entry.events === null) continue; // the schema, not a schedule
  const out = execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--one', path.join(dir, entry.file)], { encoding: 'utf8', env: process.env });
  const f = JSON.parse(out.trim().split('\n').at(-1)!) as Figures;
  if (f.error) {
    rows.push([entry.file, '✗ ' + f.error, '', '', '', '', '', '', '']);
    differences++;
    continue;
  }
  const e = entry.first_event!;
  const want = expectedStart(e.start);
  const startOk = 'instant' in want ? f.first?.startsAt === want.instant : f.first?.start === want.local;
  const firstOk = f.first?.title === e.title && startOk && f.first?.room === e.room && JSON.stringify(f.first?.speakers) === JSON.stringify(e.persons);
  const re = f.reimport;
  rows.push([
    entry.file,
    f.format ?? '',
    `${mark(f.days === entry.days && f.daysUsed === entry.days_used)} ${f.days}/${entry.days} (used ${f.daysUsed}/${entry.days_used})`,
    `${mark(f.rooms === entry.rooms && f.roomsUsed === entry.rooms_used)} ${f.rooms}/${entry.rooms} (used ${f.roomsUsed}/${entry.rooms_used})`,
    `${mark(f.events === entry.events)} ${f.events}/${entry.events}`,
    `${mark(firstOk)} “${f.first?.title}” ${f.first?.start} ${f.first?.room} [${f.first?.speakers.join(', ')}]`,
    `${f.import.added} talks, ${f.import.seconds.toFixed(2)} s`,
    `${mark(re.added === 0 && re.updated === 0 && re.removed === 0 && re.unchanged === f.events)} ${re.added}+ ${re.updated}~ ${re.removed}− ${re.seconds.toFixed(2)} s`,
    `${f.peakMemoryMB.toFixed(0)} MB`,
  ]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
const largest = [...manifest.files].filter((m) => m.events !== null).sort((a, b) => b.size_bytes - a.size_bytes)[0];
if (largest) console.log(`\nLargest file: ${largest.file} (${(largest.size_bytes / 1024).toFixed(0)} KB, ${largest.events} events); its import time and peak memory are in its row (file read, parse, one transaction).`);
console.log(differences ? `\n${differences} figure${differences === 1 ? '' : 's'} differ from the manifest.` : '\nEvery figure matches the manifest; every second import changed nothing.');
process.exit(differences ? 1 : 0);
