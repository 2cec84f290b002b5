/**
 * `npm run import -- <file|folder>... [--author EMAIL] [--source DIR] [--dry-run] [--json]
 *                     [--repair-encoding] [--conference SLUG]`
 *
 * Imports Jekyll/Octopress posts (a folder means every *.md / *.markdown in it, recursively).
 * Exit 0 when every file imported, 1 when any failed (the others still import), 2 for bad usage.
 * With --json, stdout carries only JSON (one object, or an array for several files) and the
 * progress lines go to stderr. The JSON shapes are documented in lib/jekyll/README.md.
 *
 * Runs with plain `tsx`: the modules it uses (lib/jekyll, db/import) do not import `server-only`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DryRunEntry, ParseResult } from '@/lib/jekyll/types';

const USAGE = `Usage: npm run import -- <file|folder>... [options]

  --author EMAIL       credit the posts to this author (default: the first admin)
  --source DIR         the blog's source/ folder, where referenced images are found
  --conference SLUG    put every post's talks in this existing conference
  --repair-encoding    repair mojibake (UTF-8 text once read as Mac Roman or Windows-1252)
  --dry-run            parse and report; write nothing
  --json               print JSON on stdout (progress goes to stderr)
  -h, --help           show this help`;

const MARKDOWN = /\.(?:md|markdown|mdown|mkd|mkdn)$/i;

function usage(message?: string): never {
  if (message) console.error(`import: ${message}\n`);
  console.error(USAGE);
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      author: { type: 'string' },
      source: { type: 'string' },
      conference: { type: 'string' },
      'repair-encoding': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
try {
  args = parse();
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
if (args.values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (args.positionals.length === 0) usage('name at least one file or folder.');

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

// Loaded only now, so usage errors answer at once (the markdown pipeline takes a moment to load).
const { parsePost, toDryRunJson } = await import('@/lib/jekyll/parse');
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

if (dryRun) {
  const { folderImageSource } = await import('@/lib/jekyll/source');
  const images = sourceDir ? folderImageSource(sourceDir) : null;
  const entries: DryRunEntry[] = parsed.map(({ file, result }) => {
    const entry = toDryRunJson(result);
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
      const talks = entry.days.reduce((n, d) => n + d.talks.length, 0);
      say(`✓ ${entry.file}: "${entry.title}" — ${entry.days.filter((d) => d.label).length} days, ${talks} talks, ${entry.images.length} images (dry run)`);
    }
    printWarnings(entry.warnings);
    return entry;
  });
  say(`\n${files.length} file${files.length === 1 ? '' : 's'} checked: ${files.length - failed} readable, ${failed} failed, ${warningCount} warnings. Nothing was written.`);
  if (json) console.log(JSON.stringify(entries.length === 1 ? entries[0] : entries, null, 2));
  process.exit(failed ? 1 : 0);
}

// ------------------------------------------------------------------ the real import

const { db } = await import('@/db/index');
const { importPost, importKeyFor, findImportAuthor, ImportError } = await import('@/db/import');
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
  status: 'imported' | 'updated' | 'failed';
  post: { id: number; slug: string; url: string } | null;
  conference: { slug: string; name: string; created: boolean } | null;
  talks: { created: number; matched: number };
  images: { copied: number };
  warnings: string[];
};

const images = sourceDir ? folderImageSource(sourceDir) : null;
const results: Result[] = [];
let imported = 0;
let updated = 0;
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
      importKey: importKeyFor(author.id, file),
      images,
      conference: args.values.conference ? { kind: 'existing', slug: args.values.conference } : { kind: 'auto' },
    });
    const warnings = [...post.warnings, ...outcome.warnings];
    if (outcome.status === 'imported') imported++;
    else updated++;
    results.push({
      ...base,
      status: outcome.status,
      post: { id: outcome.postId, slug: outcome.slug, url: `/posts/${outcome.slug}` },
      conference: outcome.conference,
      talks: outcome.talks,
      images: outcome.images,
      warnings,
    });
    const conf = outcome.conference
      ? ` — ${outcome.conference.name}${outcome.conference.created ? ' (new)' : ''}: ${outcome.talks.matched + outcome.talks.created} talks, ${outcome.talks.created} new`
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

say(
  `\n${files.length} file${files.length === 1 ? '' : 's'}: ${imported} imported, ${updated} updated, ${failed} failed, ${warningCount} warning${warningCount === 1 ? '' : 's'}. Author: ${author.email}.`,
);
if (json) console.log(JSON.stringify(results.length === 1 ? results[0] : results, null, 2));
process.exit(failed ? 1 : 0);
