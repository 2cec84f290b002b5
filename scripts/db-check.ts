/**
 * `npm run db:check [-- --fix]`
 *
 * Recomputes every talk's write-time aggregates (rating count, rating sum, attendance) from the
 * rating rows, and every talk's going count from the agenda plans, and reports the talks whose
 * stored numbers differ. With `--fix`, writes the
 * recomputed numbers in one transaction that holds the write lock from the first read, so it is
 * safe while the server is running (raters wait a moment; nobody's write is lost).
 *
 * Exit code: 0 when everything matches (or was fixed), 1 when mismatches remain.
 * Runs with the `react-server` condition so it shares db/ratings.ts (which is `server-only`).
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { fix: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });

const { env } = await import('@/lib/env');
const { checkRatingAggregates } = await import('@/db/ratings');
const { checkGoingCounts } = await import('@/db/plans');

const result = checkRatingAggregates({ fix: values.fix });
const going = checkGoingCounts({ fix: values.fix });
if (values.json) {
  console.log(JSON.stringify({ database: env.DATABASE_PATH, ...result, going }));
} else {
  console.log(`Checked the rating aggregates of ${result.talks} talks in ${env.DATABASE_PATH}.`);
  if (result.mismatches.length === 0) {
    console.log('All aggregates match the rating rows.');
  } else {
    console.log(`${result.mismatches.length} ${result.mismatches.length === 1 ? 'talk differs' : 'talks differ'} (stored → recomputed):`);
    for (const m of result.mismatches) {
      const parts = (['ratingCount', 'ratingSum', 'attendanceCount'] as const)
        .filter((k) => m.stored[k] !== m.actual[k])
        .map((k) => `${k} ${m.stored[k]} → ${m.actual[k]}`);
      console.log(`  talk ${m.talkId} ${m.path}: ${parts.join(', ')}`);
    }
    console.log(result.fixed ? 'Fixed: the recomputed numbers are stored now.' : 'Run `npm run db:check -- --fix` to store the recomputed numbers.');
  }
  if (going.mismatches.length === 0) {
    console.log('All going counts match the agenda plans.');
  } else {
    console.log(`${going.mismatches.length} going ${going.mismatches.length === 1 ? 'count differs' : 'counts differ'} (stored → recomputed):`);
    for (const m of going.mismatches) console.log(`  talk ${m.talkId} ${m.path}: goingCount ${m.stored} → ${m.actual}`);
    console.log(going.fixed ? 'Fixed: the recomputed counts are stored now.' : 'Run `npm run db:check -- --fix` to store the recomputed counts.');
  }
}
const unfixed = (r: { mismatches: unknown[]; fixed: boolean }) => r.mismatches.length > 0 && !r.fixed;
process.exit(unfixed(result) || unfixed(going) ? 1 : 0);
