/**
 * One writer process of the concurrency test in db/ratings.test.ts (not a test itself): opens the
 * same SQLite file as the others (DATABASE_PATH), and for its own users saves, changes and removes
 * ratings on shared talks as fast as it can. Run with `tsx --conditions=react-server` so that
 * `server-only` resolves to its empty server build.
 *
 * argv: <userIds comma-separated> <talkIds comma-separated> <operations> <seed>
 * Prints one JSON line: { ok, saved, removed, refused, busy }.
 */
export {};

const [userArg, talkArg, opsArg, seedArg] = process.argv.slice(2);
const userIds = userArg.split(',').map(Number);
const talkIds = talkArg.split(',').map(Number);
const operations = Number(opsArg);

// A small deterministic generator, so a failing run can be replayed.
let state = Number(seedArg) >>> 0 || 1;
const random = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
};
const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];

const { upsertRating, removeRating } = await import('@/db/ratings');

const counts = { saved: 0, removed: 0, refused: 0, busy: 0 };
for (let i = 0; i < operations; i++) {
  const userId = pick(userIds);
  const talkId = pick(talkIds);
  try {
    if (random() < 0.2) {
      removeRating({ userId, talkId });
      counts.removed++;
    } else {
      const stars = random() < 0.2 ? null : 1 + Math.floor(random() * 5);
      const result = upsertRating({ userId, talkId, stars, review: random() < 0.3 ? `Review ${i} by ${userId}` : null, seenHow: pick(['room', 'livestream', 'recording'] as const) });
      if (result.ok) counts.saved++;
      else counts.refused++;
    }
  } catch (error) {
    // SQLITE_BUSY would mean a writer gave up waiting: exactly what the test must never see.
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) counts.busy++;
    else throw error;
  }
}
console.log(JSON.stringify({ ok: true, ...counts }));
process.exit(0);
