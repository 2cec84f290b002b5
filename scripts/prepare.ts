/**
 * Makes the data folder ready: creates and migrates the database, loads the demo journal into an
 * empty one (on a localhost SITE_URL, unless SEED_DEMO=false) and generates the auth secret when none is configured.
 * Used by `npm start`, the test server and the benchmarks.
 */
import fs from 'node:fs';
import { inArray } from 'drizzle-orm';

export async function prepareDataFolder() {
  let loaded: typeof import('@/lib/env');
  try {
    // Importing the settings also settles AUTH_SECRET: the environment's, or on a localhost SITE_URL
    // the one generated into the data folder (0600). A real deployment without one stops here.
    loaded = await import('@/lib/env');
  } catch (error) {
    console.error(`\nHallway cannot start.\n${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  }
  const { env, dataDir, isLocalUrl } = loaded;
  fs.mkdirSync(dataDir, { recursive: true });
  // Hand the secret to the Next.js processes started after this one (build, start).
  if (env.AUTH_SECRET) process.env.AUTH_SECRET = env.AUTH_SECRET;

  const { db } = await import('@/db/index');
  const { seedDemoJournal, demoUsers } = await import('@/db/seed');
  const { users } = await import('@/db/schema');
  // Demo accounts share a published password: only the embedded default (a localhost SITE_URL) gets them.
  const demo = env.SEED_DEMO && isLocalUrl(env.SITE_URL);
  if (env.SEED_DEMO && !demo) console.log(`Not loading the demo journal: SITE_URL (${env.SITE_URL}) is not a localhost address.`);
  const seeded = demo ? await seedDemoJournal(db) : false;
  const emails = demoUsers.map((u) => u.email);
  const demoAccounts = db
    .select({ email: users.email, role: users.role })
    .from(users)
    .where(inArray(users.email, emails))
    .all();
  db.$client.close();
  console.log(`Database ready at ${env.DATABASE_PATH}${seeded ? ' (demo journal loaded)' : ''}`);
  return { seeded, demoAccounts };
}
