import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatScore, scoreAll, scorePost, THRESHOLDS, type ManifestPost } from './score';

// Real recaps from public blogs, beside the repository (never copied into it).
const CORPUS = path.resolve(process.cwd(), '..', 'shared', 'corpus', 'real-recaps');
const hasCorpus = fs.existsSync(path.join(CORPUS, 'manifest.json'));
if (!hasCorpus) console.warn(`Skipping the real-recaps score: ${CORPUS} is not there.`);

describe.skipIf(!hasCorpus)('the real recaps corpus', () => {
  it('finds the manifest’s first titles, counts talks within a quarter, and finds none where there are none', { timeout: 60_000 }, () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as { posts: ManifestPost[] };
    const score = scoreAll(manifest.posts.map((p) => scorePost(p, fs.readFileSync(path.join(CORPUS, p.file)))));
    console.log(formatScore(score));
    expect(score.titlesFound / score.titlesTotal).toBeGreaterThanOrEqual(THRESHOLDS.titles);
    expect(score.postsWithin / score.posts.length).toBeGreaterThanOrEqual(THRESHOLDS.within);
    expect(score.emptyStayEmpty).toBe(true);
    expect(score.posts.every((p) => p.error === null)).toBe(true);
  });
});

describe('the score', () => {
  it('counts a post with no talks as right only when none are found', () => {
    const bytes = new TextEncoder().encode('---\ntitle: T\ndate: 2020-01-01\n---\n\n- Ropes and Knots (Mira Holm): [Slides](https://x.example/r.pdf)\n- Paper Planes (Teo Vance): [Slides](https://x.example/p.pdf)\n');
    expect(scorePost({ file: 'x.md', approx_talk_count: 0, talk_titles: [] }, bytes)).toMatchObject({ confident: 2, withinQuarter: false });
    const right = scorePost({ file: 'x.md', approx_talk_count: 2, talk_titles: ['“Ropes and Knots”'] }, bytes);
    expect(right).toMatchObject({ withinQuarter: true, titles: [{ found: true }] });
    expect(scoreAll([right]).pass).toBe(true);
  });
});
