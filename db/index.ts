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
  refreshQueryStatistics(sqlite);
  return db;
}

/**
 * Brings the query planner's table statistics up to date where a table grew or shrank a lot since
 * they were taken (SQLite's `PRAGMA optimize`, with its own small analysis limit, so it costs
 * milliseconds at any size). Without fresh statistics the planner takes a journal that grew for
 * the small one it once was and scans tables it should search. Run when the database is opened,
 * every hour while it stays open, and after bulk writes (imports).
 */
export function refreshQueryStatistics(sqlite: Database.Database): void {
  sqlite.pragma('optimize = 0x10002');
}

const STATISTICS_INTERVAL_MS = 60 * 60 * 1000;

// One connection per process; kept on globalThis so dev-mode reloads do not open more.
const globalForDb = globalThis as unknown as { hallwayDb?: DB };
export const db: DB = globalForDb.hallwayDb ?? openDatabase(env.DATABASE_PATH);
if (!globalForDb.hallwayDb) setInterval(() => refreshQueryStatistics(db.$client), STATISTICS_INTERVAL_MS).unref();
if (env.NODE_ENV !== 'production') globalForDb.hallwayDb = db;
