import { zipSync } from 'fflate';
import { db } from '@/db/index';
import { buildExport } from '@/db/export';
import { getCurrentUser, hasRole, signInRedirect } from '@/lib/auth/current-user';

/**
 * GET /write/export: a zip of Jekyll markdown (`_posts/`) and images (`images/`). The session is
 * checked here, on the server: authors get their own posts, admins every post.
 */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return signInRedirect('/write/import');
  if (!hasRole(user, 'author')) return new Response('Only authors can export recaps.', { status: 403 });

  const { files } = buildExport(db, { authorId: user.role === 'admin' ? null : user.id });
  const zip = zipSync(Object.fromEntries(files.map((f) => [`hallway-export/${f.path}`, f.data])), { level: 6 });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(zip, {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="hallway-export-${day}.zip"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
