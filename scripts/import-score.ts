/**
 * `npm run import:score -- [DIR] [--json]`
 *
 * Reads every post a corpus manifest lists (DIR/manifest.json, default ../shared/corpus/real-recaps)
 * and prints how the importer does against it: talks found by default vs. the manifest's count,
 * which of its first titles were found, and the totals. Exit 0 when the thresholds hold, 1 when
 * not, 2 when the corpus is missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatScore, scoreAll, scorePost, type ManifestPost } from '@/lib/jekyll/score';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
const dir = path.resolve(positionals[0] ?? path.join(process.cwd(), '..', 'shared', 'corpus', 'real-recaps'));
const manifestPath = path.join(dir, 'manifest.json');
if (!fs.existsSync(manifestPath)) {
  console.error(`import:score: no manifest at ${manifestPath}. Name the corpus folder: npm run import:score -- DIR`);
  process.exit(2);
}
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { posts: ManifestPost[] };
const score = scoreAll(manifest.posts.map((entry) => scorePost(entry, fs.readFileSync(path.join(dir, entry.file)))));
console.log(values.json ? JSON.stringify(score, null, 2) : formatScore(score));
process.exit(score.pass ? 0 : 1);
