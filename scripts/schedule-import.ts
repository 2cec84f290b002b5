/**
 * `npm run schedule:import -- <file|url>... [--conference SLUG] [--name NAME] [--time-zone ZONE]
 *                              [--remove-missing] [--author EMAIL] [--dry-run] [--json]`
 *
 * Imports published conference programmes (frab/Pentabarf/pretalx XML and JSON, C3VOC schedule
 * v2, Sessionize "All Data", iCalendar), each into its conference: new, or updated in place.
 * Exit 0 when every file imported, 1 when any failed (the others still import), 2 for bad usage.
 * With --json, stdout carries only JSON (one object, or an array for several files; the dry-run
 * shape is documented in lib/schedule/README.md) and progress goes to stderr.
 *
 * Runs with the `react-server` condition so it shares db/ (which is `server-only`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { commandLine, type Usage } from './command-line';

const USAGE = `Usage: npm run schedule:import -- <file|url>... [options]

  --conference SLUG   import into this existing conference (default: the conference of the
                      same name, or a new one)
  --name NAME         the conference's name, for a file that does not give one (Sessionize)
  --time-zone ZONE    read the times in this IANA zone (default: the file's, else the
                      conference's, else UTC)
  --remove-missing    delete the conference's talks that the file no longer has (default: list them)
  --author EMAIL      whose change it is in the history (default: the first admin)
  --dry-run           read and compare; write nothing
  --json              print JSON on stdout (progress goes to stderr)
  -h, --help          show this help`;

const args = commandLine('schedule:import', USAGE, {
  allowPositionals: true,
  options: {
    conference: { type: 'string' },
    name: { type: 'string' },
    'time-zone': { type: 'string' },
    'remove-missing': { type: 'boolean', default: false },
    author: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
const usage: Usage = args.usage;
if (args.positionals.length === 0) usage('name at least one file or URL.');
const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
for (const given of args.positionals) {
  if (!isUrl(given) && !fs.statSync(given, { throwIfNoEntry: false })?.isFile()) usage(`${given}: no such file.`);
}

const { isTimeZone } = await import('@/lib/write-schemas');
const zone = args.values['time-zone'];
if (zone !== undefined && !isTimeZone(zone)) usage(`--time-zone ${zone}: not a time zone name (try Europe/Berlin or America/New_York).`);

const json = args.values.json;
const dryRun = args.values['dry-run'];
const say = (line: string) => (json ? console.error(line) : console.log(line));
const display = (given: string) => (isUrl(given) ? given : path.relative(process.cwd(), given) || given);

const { env } = await import('@/lib/env');
const { db } = await import('@/db/index');
const { planScheduleImport, applyScheduleImport, ScheduleImportError } = await import('@/db/schedule');
const { parseSchedule, toDryRunJson } = await import('@/lib/schedule/parse');
const { fetchSchedule, FetchError } = await import('@/lib/schedule/fetch');
const { IMPORT_ERRORS, outcomeLine, planLines } = await import('@/lib/schedule/report');
const { conferences, users } = await import('@/db/schema');
const { asc, eq } = await import('drizzle-orm');
type DryRunEntry = import('@/lib/schedule/types').DryRunEntry;
type ImportTarget = import('@/db/schedule').ImportTarget;

const target: ImportTarget = args.values.conference
  ? { kind: 'existing', slug: args.values.conference }
  : { kind: 'auto', name: args.values.name ?? null };
let conferenceZone: string | null = null;
if (target.kind === 'existing') {
  const conf = db.select().from(conferences).where(eq(conferences.slug, target.slug)).get();
  if (!conf) usage(`--conference ${target.slug}: no conference with this slug.`);
  conferenceZone = conf.timeZone;
}

let author: { id: number; email: string } | undefined;
if (!dryRun) {
  author = args.values.author
    ? db.select({ id: users.id, email: users.email, role: users.role }).from(users).where(eq(users.email, args.values.author.trim().toLowerCase())).get()
    : db.select({ id: users.id, email: users.email }).from(users).where(eq(users.role, 'admin')).orderBy(asc(users.id)).get();
  if (!author) usage(args.values.author ? `--author ${args.values.author}: no account with this e-mail.` : 'there is no admin account yet: name one with --author EMAIL.');
}

type Result = DryRunEntry | { file: string; error: string | null; conference: string | null; added: number; updated: number; unchanged: number; removed: number; kept: { title: string; slug: string }[]; warnings: string[] };

async function read(given: string): Promise<Uint8Array> {
  if (!isUrl(given)) return fs.readFileSync(given);
  say(`… fetching ${given}`);
  return (await fetchSchedule(given)).bytes;
}

const results: Result[] = [];
let failed = 0;
for (const given of args.positionals) {
  const file = display(given);
  const fail = (error: string) => {
    failed++;
    say(`✗ ${file}: ${error}`);
    results.push(dryRun ? { file, error, format: null, conference: null, rooms: [], days: [], warnings: [] } : { file, error, conference: null, added: 0, updated: 0, unchanged: 0, removed: 0, kept: [], warnings: [] });
  };
  let bytes: Uint8Array;
  try {
    bytes = await read(given);
  } catch (error) {
    if (error instanceof FetchError) {
      fail(error.message);
      continue;
    }
    throw error;
  }
  const started = performance.now();
  // Large programmes take a moment: say what is happening.
  if (bytes.byteLength > 1024 * 1024) say(`… reading ${file} (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB)`);
  const parsed = parseSchedule(bytes, { timeZone: zone ?? null, conferenceTimeZone: conferenceZone, siteUrl: env.SITE_URL });
  if (!parsed.ok) {
    fail(parsed.error);
    continue;
  }
  const schedule = parsed.schedule;
  const talkCount = schedule.days.reduce((n, d) => n + d.talks.length, 0) + schedule.unscheduled.length;
  if (talkCount > 1000) say(`… ${talkCount} talks read in ${((performance.now() - started) / 1000).toFixed(1)} s; comparing with the journal`);
  try {
    const plan = planScheduleImport({ schedule, target });
    if (dryRun) {
      say(`✓ ${file} (${schedule.format}, dry run)`);
      for (const line of planLines(schedule, plan)) say(line);
      for (const w of schedule.warnings) say(`    ! ${w}`);
      results.push(toDryRunJson(file, parsed));
      continue;
    }
    const outcome = applyScheduleImport({
      schedule,
      target,
      userId: author!.id,
      remove: args.values['remove-missing'] ? plan.missing.map((m) => m.talkId) : [],
      source: isUrl(given) ? given : path.basename(given),
    });
    say(`✓ ${file} (${schedule.format}): ${outcomeLine(outcome)}`);
    for (const k of outcome.kept) say(`    − kept “${k.title}” (no longer in the file; --remove-missing deletes it)`);
    for (const w of schedule.warnings) say(`    ! ${w}`);
    results.push({
      file,
      error: null,
      conference: outcome.slug,
      added: outcome.added,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      removed: outcome.removed,
      kept: outcome.kept.map(({ title, slug }) => ({ title, slug })),
      warnings: schedule.warnings,
    });
  } catch (error) {
    if (error instanceof ScheduleImportError) fail(IMPORT_ERRORS[error.code]);
    else fail(`could not be imported, nothing of it was written: ${error instanceof Error ? error.message : String(error)}`);
  }
}
db.$client.close();
say(`\n${args.positionals.length} file${args.positionals.length === 1 ? '' : 's'}: ${args.positionals.length - failed} ${dryRun ? 'readable (dry run, nothing written)' : 'imported'}, ${failed} failed.`);
if (json) console.log(JSON.stringify(results.length === 1 ? results[0] : results, null, 2));
process.exit(failed ? 1 : 0);
