/**
 * An existing database opened read-only, for tools that look without writing (`npm run import
 * -- --dry-run`): no migrations, no file created when there is none, nothing of lib/env loaded
 * (it would create the data folder).
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { DB } from './index';
import * as schema from './schema';

export function openReadOnly(file: string): DB | null {
  if (!fs.existsSync(file)) return null;
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  return drizzle(sqlite, { schema }) as DB;
}
