import { asc, eq } from 'drizzle-orm';
import type { DB } from './index';
import * as t from './schema';

/** The account a command-line import or export is for: by e-mail, or the first admin. */
export function findImportAuthor(db: DB, email?: string | null) {
  const columns = { id: t.users.id, email: t.users.email, name: t.users.name, role: t.users.role };
  if (email) return db.select(columns).from(t.users).where(eq(t.users.email, email.trim().toLowerCase())).get() ?? null;
  return db.select(columns).from(t.users).where(eq(t.users.role, 'admin')).orderBy(asc(t.users.id)).get() ?? null;
}
