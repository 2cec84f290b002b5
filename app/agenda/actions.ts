'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { setPlan } from '@/db/plans';
import { getTalkCards } from '@/db/queries';
import { action, ActionError } from '@/lib/action';
import { formatTimeInZone } from '@/lib/dates';
import { revalidateTalks } from '@/lib/revalidate';

/**
 * "I'm going": puts a talk on the signed-in user's agenda or takes it off, through `action()`
 * (Origin, session, zod). The planner is always the session's user.
 */

const planSchema = z.object({
  talkId: z.coerce.number({ error: 'Unknown talk.' }).int('Unknown talk.').positive('Unknown talk.'),
  going: z.enum(['on', 'off'], { error: 'Choose going or not going.' }),
});

export const setPlanAction = action({ schema: planSchema }, async ({ talkId, going }, user) => {
  const result = setPlan({ userId: user.id, talkId, going: going === 'on' });
  if (!result.ok) {
    if (result.reason === 'talk-not-found') throw new ActionError('That talk does not exist.');
    const [talk] = getTalkCards([talkId]);
    throw new ActionError(`This talk is over (it ended at ${formatTimeInZone(result.endsAt, talk?.timeZone ?? 'UTC')}): there is nothing left to plan.`);
  }
  if (result.changed) {
    // The public "N going" on the talk's pages, and the agenda itself.
    revalidateTalks([talkId]);
    revalidatePath('/agenda');
  }
  return {
    ok: true,
    message: result.going ? 'On your agenda.' : 'Taken off your agenda.',
    values: { talkId: String(talkId), going: result.going ? 'on' : 'off', goingCount: String(result.goingCount) },
  };
});
