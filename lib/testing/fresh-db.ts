/**
 * Import this FIRST in a unit test that touches the database:
 *
 *   import { testDatabasePath } from '@/lib/testing/fresh-db';
 *   import { db } from '@/db/index'; // now opens a brand-new, migrated SQLite file
 *
 * Module side effect on purpose: ES imports run in order, so DATABASE_PATH points at a new file
 * under the system temp folder before lib/env.ts and db/index.ts read it. Every test file gets its
 * own database; nothing is shared between runs. (Demo seeding is off; seed in the test if needed.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hallway-test-'));
export const testDatabasePath = path.join(dir, 'hallway.db');

process.env.DATABASE_PATH = testDatabasePath;
process.env.SEED_DEMO = 'false';
process.env.SITE_URL = 'http://localhost:3000';
// db/index.ts keeps its connection on globalThis outside production: never reuse another file's.
delete (globalThis as { hallwayDb?: unknown }).hallwayDb;
