/**
 * `npm run export -- --out DIR [--author EMAIL]`
 *
 * Writes every post (or one author's) as Jekyll markdown under DIR/_posts/ and the images they
 * show under DIR/images/. `npm run import -- DIR/_posts --source DIR` brings them back.
 * Exit 0 on success, 2 for bad usage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { commandLine, type Usage } from './command-line';

const USAGE = `Usage: npm run export -- --out DIR [--author EMAIL]

  --out DIR        where to write _posts/ and images/ (created if needed)
  --author EMAIL   only this author's posts (default: every post)
  -h, --help       show this help`;

const { values, ...args } = commandLine('export', USAGE, {
  options: { out: { type: 'string' }, author: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
const usage: Usage = args.usage;
if (!values.out) usage('--out DIR is required.');
const out = path.resolve(values.out);
if (fs.existsSync(out) && !fs.statSync(out).isDirectory()) usage(`--out ${values.out}: not a folder.`);

const { db } = await import('@/db/index');
const { buildExport } = await import('@/db/export');
const { findImportAuthor } = await import('@/db/import-author');

let authorId: number | null = null;
if (values.author) {
  const author = findImportAuthor(db, values.author);
  if (!author) usage(`--author ${values.author}: no account with this e-mail.`);
  authorId = author.id;
}

const result = buildExport(db, { authorId });
db.$client.close();
for (const file of result.files) {
  const target = path.join(out, file.path);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, file.data);
}
for (const name of result.missing) console.error(`! image ${name} is missing from the uploads folder: not exported.`);
console.log(`Exported ${result.posts} post${result.posts === 1 ? '' : 's'} and ${result.images} image${result.images === 1 ? '' : 's'} to ${out}.`);
