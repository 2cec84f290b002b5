'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getCalendarTokenByUserId, resetCalendarToken } from '@/db/calendar';
import { action } from '@/lib/action';

/**
 * Creates or replaces the signed-in user's calendar token. The user id comes from the session
 * (through action()), never from the form: nobody can reset someone else's link.
 */
export const resetCalendarTokenAction = action(
  { schema: z.object({ intent: z.literal('reset-calendar-link') }) },
  async (_data, user) => {
    const hadLink = getCalendarTokenByUserId({ userId: user.id }) !== null;
    resetCalendarToken({ userId: user.id });
    // The component shows the link: re-render wherever it is mounted.
    revalidatePath('/journal');
    revalidatePath('/account');
    return {
      ok: true,
      message: hadLink
        ? 'New calendar link created. Calendar apps using the old link will stop updating: subscribe again with this one.'
        : 'Calendar link created. Add it to your calendar app to see the talks you mark.',
    };
  },
);
