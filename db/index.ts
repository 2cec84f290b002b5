import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { env } from '@/lib/env';
import * as schema from './schema';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Opens (creating if needed) a database file, tunes it and applies every committed migration. */
export function openDatabase(file: string): DB {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Writers queue for up to 5 s instead of failing with "database is locked".
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return db;
}

// One connection per process; kept on globalThis so dev-mode reloads do not open more.
const globalForDb = globalThis as unknown as { hallwayDb?: DB };
export const db: DB = globalForDb.hallwayDb ?? openDatabase(env.DATABASE_PATH);
if (env.NODE_ENV !== 'production') globalForDb.hallwayDb = db;
