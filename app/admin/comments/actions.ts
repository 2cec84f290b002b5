'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { resolveReports } from '@/db/comments';
import { action, ActionError } from '@/lib/action';

/** `/admin/comments`: admins close the reports of a comment, hiding it or keeping it. */

const schema = z.object({
  commentId: z.coerce.number({ error: 'Unknown comment.' }).int('Unknown comment.').positive('Unknown comment.'),
  op: z.enum(['keep', 'hide'], { error: 'Choose to keep or hide the comment.' }),
});

export const resolveReportsAction = action({ role: 'admin', schema }, async ({ commentId, op }, admin) => {
  const result = resolveReports({ actor: admin, commentId, hide: op === 'hide' });
  if (!result.ok) throw new ActionError('That comment is no longer there.');
  revalidatePath('/admin/comments');
  if (op === 'hide') revalidatePath(`/posts/${result.slug}`);
  return { ok: true, message: op === 'hide' ? 'Comment hidden and its reports resolved.' : 'Reports resolved; the comment stays.' };
});
