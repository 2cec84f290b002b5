'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { updateUserJournalPublic } from '@/db/users';
import { action } from '@/lib/action';

/**
 * The journal page's own public/private switch. The form says which state it wants (not "flip"),
 * so a form submitted twice, or from a stale tab, cannot undo itself.
 */
export const setJournalPublicAction = action(
  { schema: z.object({ journalPublic: z.enum(['true', 'false'], { error: 'Choose public or private.' }) }) },
  async ({ journalPublic }, user) => {
    const isPublic = journalPublic === 'true';
    updateUserJournalPublic({ id: user.id, journalPublic: isPublic });
    revalidatePath(`/u/${user.handle}`);
    revalidatePath('/journal');
    revalidatePath('/account');
    return { ok: true, message: isPublic ? 'Your journal is now public.' : 'Your journal is now private.' };
  },
);
