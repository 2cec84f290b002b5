/**
 * `npm run import -- <file|folder>... [--author EMAIL] [--source DIR] [--dry-run] [--json]
 *                     [--repair-encoding] [--conference SLUG] [--talks confident|all|none]
 *                     [--restore-deleted]`
 *
 * Imports Jekyll/Octopress posts (a folder means every *.md / *.markdown in it, recursively).
 * Exit 0 when every file imported (or was left deleted on purpose), 1 when any failed (the others
 * still import), 2 for bad usage. With --json, stdout carries only JSON (one object, or an array
 * for several files) and the progress lines go to stderr. The JSON shapes are documented in
 * lib/jekyll/README.md.
 *
 * Runs with plain `tsx`: the modules it uses (lib/jekyll, db/import) do not import `server-only`.
 * A dry run opens the journal read-only, only when it exists, to show matches and what would be
 * updated; it creates nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { commandLine, type Usage } from './command-line';
import type { DryRunEntry, ParseResult } from '@/lib/jekyll/types';

const USAGE = `Usage: npm run import -- <file|folder>... [options]

  --author EMAIL       credit the posts to this author (default: the first admin)
  --source DIR         the blog's source/ folder, where referenced images are found
  --conference SLUG    put every post's talks in this existing conference
  --talks WHICH        which proposed talks to import: confident (default), all, none
  --restore-deleted    import recaps you deleted again (otherwise they stay deleted)
  --repair-encoding    repair mojibake (UTF-8 text once read as Mac Roman or Windows-1252)
  --dry-run            parse and report; write nothing
  --json               print JSON on stdout (progress goes to stderr)
  -h, --help           show this help`;

const MARKDOWN = /\.(?:md|markdown|mdown|mkd|mkdn)$/i;
const TALK_CHOICES = ['confident', 'all', 'none'] as const;

const args = commandLine('import', USAGE, {
  allowPositionals: true,
  options: {
    author: { type: 'string' },
    source: { type: 'string' },
    conference: { type: 'string' },
    talks: { type: 'string', default: 'confident' },
    'restore-deleted': { type: 'boolean', default: false },
    'repair-encoding': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
const usage: Usage = args.usage;
if (args.positionals.length === 0) usage('name at least one file or folder.');
const talkChoice = TALK_CHOICES.find((c) => c === args.values.talks);
if (!talkChoice) usage(`--talks ${args.values.talks}: use confident, all or none.`);

function markdownFilesIn(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : markdownFilesIn(full);
      return entry.isFile() && MARKDOWN.test(entry.name) ? [full] : [];
    });
}

const files: string[] = [];
for (const given of args.positionals) {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(given);
  } catch {
    usage(`${given}: no such file or folder.`);
  }
  if (stat.isDirectory()) {
    const found = markdownFilesIn(given);
    if (!found.length) usage(`${given}: no *.md or *.markdown files in this folder.`);
    files.push(...found);
  } else files.push(given);
}

const sourceDir = args.values.source;
if (sourceDir !== undefined && !fs.statSync(sourceDir, { throwIfNoEntry: false })?.isDirectory()) {
  usage(`--source ${sourceDir}: not a folder.`);
}

const json = args.values.json;
const dryRun = args.values['dry-run'];
// In JSON mode stdout is reserved for the JSON document.
const say = (line: string) => (json ? console.error(line) : console.log(line));
const display = (file: string) => path.relative(process.cwd(), file) || file;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

// Loaded only now, so usage errors answer at once (the markdown pipeline takes a moment to load).
const { parsePost, toDryRunJson, isSelected } = await import('@/lib/jekyll/parse');
const parsed: { file: string; result: ParseResult }[] = files.map((file) => ({
  file,
  result: parsePost(path.basename(file), fs.readFileSync(file), { repairEncoding: args.values['repair-encoding'] }),
}));

let failed = 0;
let warningCount = 0;
const printWarnings = (warnings: string[]) => {
  warningCount += warnings.length;
  for (const w of warnings) say(`    ! ${w}`);
};
const conferenceChoice = args.values.conference ? ({ kind: 'existing', slug: args.values.conference } as const) : ({ kind: 'auto' } as const);

if (dryRun) {
  const { folderImageSource } = await import('@/lib/jekyll/source');
  const { openReadOnly } = await import('@/db/readonly');
  const { DEFAULT_DATABASE_PATH } = await import('@/lib/database-path');
  const { importKeyFor, planImport } = await import('@/db/import-plan');
  const images = sourceDir ? folderImageSource(sourceDir) : null;
  // Matches and "already exists" need the journal; a dry run never creates one.
  const db = openReadOnly(path.resolve(process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH));
  const { findImportAuthor } = db ? await import('@/db/import-author') : { findImportAuthor: null };
  const author = db && findImportAuthor ? findImportAuthor(db, args.values.author) : null;
  const entries: DryRunEntry[] = parsed.map(({ file, result }) => {
    let entry: DryRunEntry;
    if (result.ok && db) {
      const plan = planImport(db, result.post, {
        authorId: author?.id ?? 0,
        isAdmin: author?.role === 'admin',
        importKey: importKeyFor(author?.id ?? 0, file),
        conference: conferenceChoice,
        talks: talkChoice,
      });
      const c = plan.conference;
      const e = plan.existing;
      entry = toDryRunJson(result, {
        talks: talkChoice,
        matches: (i) => plan.matches.get(i) ?? null,
        conference: { kind: c.kind, name: c.kind === 'none' ? null : c.name, slug: c.kind === 'none' ? null : c.slug, reason: c.reason },
        existing: e.kind === 'none' ? null : { kind: e.kind, slug: e.kind === 'slug-taken' ? e.newSlug : e.slug, title: e.title },
        problems: plan.problems,
      });
      entry.warnings.push(...plan.warnings);
      if (e.kind === 'update') entry.warnings.push(`Updates “${e.title}” (/posts/${e.slug}), imported before.`);
      if (e.kind === 'deleted') entry.warnings.push(`“${e.title}” was deleted: it stays deleted unless you add --restore-deleted.`);
      if (e.kind === 'slug-taken') entry.warnings.push(`A recap already lives at /posts/${e.slug} (“${e.title}”): this one would be saved at /posts/${e.newSlug}.`);
    } else entry = toDryRunJson(result, { talks: talkChoice });
    entry.file = display(file);
    if (result.ok && images) {
      for (const img of result.post.images) {
        if (!/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(img.src) && !images(img.src)) entry.warnings.push(`Image ${img.src} was not found in the source folder.`);
      }
    }
    if (entry.error) {
      failed++;
      say(`✗ ${entry.file}: ${entry.error}`);
    } else {
      const talks = entry.days.flatMap((d) => d.talks);
      const chosen = talks.filter((t) => t.selected).length;
      const numbered = entry.days.filter((d) => d.label).length;
      say(
        `✓ ${entry.file}: "${entry.title}" — ${numbered} days, ${talks.length} talks` +
          (chosen !== talks.length ? ` (${chosen} to import with --talks ${talkChoice})` : '') +
          `, ${entry.images.length} images (dry run)`,
      );
      for (const p of entry.problems) say(`    ✗ ${p}`);
    }
    printWarnings(entry.warnings);
    return entry;
  });
  db?.$client.close();
  say(`\n${plural(files.length, 'file')} checked: ${files.length - failed} readable, ${failed} failed, ${plural(warningCount, 'warning')}. Nothing was written.`);
  if (json) console.log(JSON.stringify(entries.length === 1 ? entries[0] : entries, null, 2));
  process.exit(failed ? 1 : 0);
}

// ------------------------------------------------------------------ the real import

const { db } = await import('@/db/index');
const { importPost, importKeyFor, ImportError } = await import('@/db/import');
const { findImportAuthor } = await import('@/db/import-author');
const { folderImageSource } = await import('@/lib/jekyll/source');

const author = findImportAuthor(db, args.values.author);
if (!author) {
  usage(args.values.author ? `--author ${args.values.author}: no account with this e-mail.` : 'there is no admin account yet: name the author with --author EMAIL.');
}
if (author.role === 'reader') usage(`${author.email} is a reader: only authors and admins can have posts.`);
if (args.values.conference) {
  const { conferences } = await import('@/db/schema');
  const { eq } = await import('drizzle-orm');
  if (!db.select({ id: conferences.id }).from(conferences).where(eq(conferences.slug, args.values.conference)).get()) {
    usage(`--conference ${args.values.conference}: no conference with this slug.`);
  }
}

type Result = {
  file: string;
  error: string | null;
  status: 'imported' | 'updated' | 'restored' | 'skipped' | 'failed';
  post: { id: number; slug: string; url: string } | null;
  conference: { slug: string; name: string; created: boolean } | null;
  talks: { created: number; matched: number };
  images: { copied: number };
  warnings: string[];
};

const images = sourceDir ? folderImageSource(sourceDir) : null;
const results: Result[] = [];
const counts = { imported: 0, updated: 0, restored: 0, skipped: 0 };
for (const { file, result } of parsed) {
  const base: Result = { file: display(file), error: null, status: 'failed', post: null, conference: null, talks: { created: 0, matched: 0 }, images: { copied: 0 }, warnings: result.ok ? result.post.warnings : result.warnings };
  if (!result.ok) {
    failed++;
    results.push({ ...base, error: result.error });
    say(`✗ failed    ${base.file}: ${result.error}`);
    printWarnings(result.warnings);
    continue;
  }
  const post = result.post;
  try {
    const outcome = importPost(db, post, {
      authorId: author.id,
      isAdmin: author.role === 'admin',
      importKey: importKeyFor(author.id, file),
      images,
      conference: conferenceChoice,
      talks: talkChoice,
      restoreDeleted: args.values['restore-deleted'],
    });
    const warnings = [...post.warnings, ...outcome.warnings];
    counts[outcome.status]++;
    results.push({
      ...base,
      status: outcome.status,
      post: { id: outcome.postId, slug: outcome.slug, url: `/posts/${outcome.slug}` },
      conference: outcome.conference,
      talks: outcome.talks,
      images: outcome.images,
      warnings,
    });
    const skipped = post.days.flatMap((d) => d.talks).filter((t) => !isSelected(t.confidence, talkChoice)).length;
    const conf = outcome.conference
      ? ` — ${outcome.conference.name}${outcome.conference.created ? ' (new)' : ''}: ${plural(outcome.talks.matched + outcome.talks.created, 'talk')}, ${outcome.talks.created} new` +
        (skipped ? `, ${skipped} left out (--talks all to include them)` : '')
      : '';
    say(`✓ ${outcome.status.padEnd(9)} ${base.file} → /posts/${outcome.slug}${conf}`);
    printWarnings(warnings);
  } catch (error) {
    failed++;
    const message = error instanceof ImportError ? error.message : `could not be imported: ${error instanceof Error ? error.message : String(error)}`;
    results.push({ ...base, error: `${path.basename(file)}: ${message}` });
    say(`✗ failed    ${base.file}: ${message}`);
    printWarnings(post.warnings);
  }
}
db.$client.close();

const extra = [counts.restored ? `${counts.restored} restored` : '', counts.skipped ? `${counts.skipped} left deleted` : ''].filter(Boolean).join(', ');
say(
  `\n${plural(files.length, 'file')}: ${counts.imported} imported, ${counts.updated} updated, ${failed} failed${extra ? `, ${extra}` : ''}, ${plural(warningCount, 'warning')}. Author: ${author.email}.`,
);
if (json) console.log(JSON.stringify(results.length === 1 ? results[0] : results, null, 2));
process.exit(failed ? 1 : 0);
