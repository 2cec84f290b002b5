'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { inputClass } from '@/components/ui/field';
import { initialActionState } from '@/lib/action-state';
import type { Role } from '@/db/schema';
import { updateUserRoleAction, updateUserStatusAction } from './actions';

const ROLES: Role[] = ['reader', 'author', 'admin'];

/** Role picker and enable/disable for one user row of /admin/users. */
export function UserControls({ user, isSelf }: { user: { id: number; name: string; role: Role; disabled: boolean }; isSelf: boolean }) {
  const [roleState, roleAction] = useActionState(updateUserRoleAction, initialActionState);
  const [statusState, statusAction] = useActionState(updateUserStatusAction, initialActionState);
  const selectId = `role-${user.id}`;
  return (
    <div className="flex flex-col gap-2 sm:items-end">
      <div className="flex flex-wrap items-end gap-2">
        <form action={roleAction} className="flex items-end gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <div>
            <label htmlFor={selectId} className="sr-only">
              Role for {user.name}
            </label>
            <select
              id={selectId}
              name="role"
              key={user.role}
              defaultValue={roleState.values?.role ?? user.role}
              className={`${inputClass} w-28 py-1.5 pr-8`}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r[0].toUpperCase() + r.slice(1)}
                </option>
              ))}
            </select>
          </div>
          <SubmitButton variant="secondary" className="py-1.5" pendingLabel={`Saving the role of ${user.name}…`}>
            Save<span className="sr-only"> role for {user.name}</span>
          </SubmitButton>
        </form>
        <form action={statusAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="disabled" value={user.disabled ? 'false' : 'true'} />
          <SubmitButton variant={user.disabled ? 'secondary' : 'ghost'} className="py-1.5" pendingLabel={`Updating ${user.name}…`}>
            {user.disabled ? 'Enable' : 'Disable'}
            <span className="sr-only"> {user.name}</span>
          </SubmitButton>
        </form>
      </div>
      {isSelf && <p className="text-xs text-stone-500 dark:text-stone-400">This is you.</p>}
      <FormMessage state={roleState} />
      <FormMessage state={statusState} />
    </div>
  );
}
