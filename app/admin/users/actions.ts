'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { updateUserDisabled, updateUserRole, type AdminChangeResult } from '@/db/users';
import { action, type ActionState } from '@/lib/action';
import { roleSchema } from '@/lib/auth/validation';

/** `/admin/users`: admins only. The last-admin rule lives in the queries' transactions. */

const userId = z.coerce.number({ error: 'Unknown user.' }).int().positive('Unknown user.');

function outcome(result: AdminChangeResult, done: string): ActionState {
  if (result.ok) {
    revalidatePath('/admin/users');
    return { ok: true, message: done };
  }
  return {
    ok: false,
    message:
      result.reason === 'last-admin'
        ? 'Hallway needs at least one active admin. Make someone else an admin first.'
        : 'That user no longer exists.',
  };
}

export const updateUserRoleAction = action(
  { role: 'admin', schema: z.object({ userId, role: roleSchema }) },
  async ({ userId, role }, admin) => outcome(updateUserRole({ actorId: admin.id, userId, role }), `Role changed to ${role}.`),
);

export const updateUserStatusAction = action(
  { role: 'admin', schema: z.object({ userId, disabled: z.enum(['true', 'false'], { error: 'Choose enable or disable.' }) }) },
  async ({ userId, disabled }, admin) => {
    const disable = disabled === 'true';
    return outcome(
      updateUserDisabled({ actorId: admin.id, userId, disabled: disable }),
      disable ? 'Account disabled: it is signed out on its next request.' : 'Account enabled.',
    );
  },
);
