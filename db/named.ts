/**
 * Speakers and categories are found by their name, not their slug: different names may share a
 * slug ("C++" and "C#" are both `c`), and must never become one row. The first name to claim a
 * slug gets it; a different name gets the next free suffix (`c-2`). The same name typed again
 * (case, spacing or width aside, `nameKey`) finds its row under whichever slug it was given.
 *
 * No `server-only`: the import CLI writes through this too (see db/import.ts).
 */
import { eq, inArray, or, sql } from 'drizzle-orm';
import { uniqueSlug } from '@/lib/post-rules';
import { nameKey, slugify } from '@/lib/slug';
import type { DB } from './index';
import { categories, speakers } from './schema';

type NamedTable = typeof speakers | typeof categories;
export type NamedRow = { id: number; slug: string; name: string };

/** Enough candidate slugs per query to stay far below SQLite's expression limits. */
const CHUNK = 100;

/** Rows already holding these names, by `nameKey`; writes nothing. */
export function findByNames(tx: Pick<DB, 'select'>, table: NamedTable, names: string[]): Map<string, NamedRow> {
  const bases = [...new Set(names.map((n) => slugify(n)))];
  const wanted = new Set(names.map(nameKey));
  const found = new Map<string, NamedRow>();
  for (let i = 0; i < bases.length; i += CHUNK) {
    const chunk = bases.slice(i, i + CHUNK);
    // A name's row sits at its slug or, when another name was there first, at slug-2, slug-3…
    const suffixed = chunk.map((base) => sql`${table.slug} GLOB ${`${base}-[0-9]*`}`);
    const rows = tx
      .select({ id: table.id, slug: table.slug, name: table.name })
      .from(table)
      .where(or(inArray(table.slug, chunk), ...suffixed))
      .orderBy(table.id)
      .all();
    for (const row of rows) {
      const key = nameKey(row.name);
      if (wanted.has(key) && !found.has(key)) found.set(key, row);
    }
  }
  return found;
}

/** A new row for a name no row holds yet, under its slug or the first free suffix of it. */
export function insertNamed(tx: Pick<DB, 'select' | 'insert'>, table: NamedTable, name: string): NamedRow {
  const slug = uniqueSlug(slugify(name), (s) => !!tx.select({ id: table.id }).from(table).where(eq(table.slug, s)).get());
  const [row] = tx.insert(table).values({ slug, name }).returning({ id: table.id }).all();
  return { id: row.id, slug, name };
}

/**
 * One row per distinct name, in the order given: found, or created (and passed to `onCreate`, for
 * the audit log). Keys are `nameKey(name)`.
 */
export function findOrCreateByNames(
  tx: Pick<DB, 'select' | 'insert'>,
  table: NamedTable,
  names: string[],
  onCreate: (row: NamedRow) => void = () => {},
): Map<string, NamedRow> {
  const rows = findByNames(tx, table, names);
  for (const name of names) {
    const key = nameKey(name);
    if (rows.has(key)) continue;
    const row = insertNamed(tx, table, name);
    rows.set(key, row);
    onCreate(row);
  }
  return rows;
}
