'use client';

import { setUserActiveAction } from '@/app/(app)/admin/actions';
import { AdminActionButton } from '@/components/admin/admin-action-button';

interface Props {
  userId: string;
  active: boolean;
  version: number;
  label: string;
  accessibleLabel: string;
}

/** Block or unblock a user; blocking ends their sessions at once. */
export function UserActiveToggle({ userId, active, version, label, accessibleLabel }: Props) {
  return (
    <AdminActionButton
      action={setUserActiveAction}
      fields={{ userId, active: active ? 'false' : 'true', version }}
      label={label}
      accessibleLabel={accessibleLabel}
      tone={active ? 'danger' : 'neutral'}
    />
  );
}
