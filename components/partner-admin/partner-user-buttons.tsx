'use client';

import { resetOwnSecondFactorAction, setOwnUserActiveAction } from '@/app/(app)/partnerbeheer/actions';
import { AdminActionButton } from '@/components/admin/admin-action-button';

/** Block or unblock a colleague of one's own organisation; blocking ends their sessions at once. */
export function OwnUserActiveToggle(props: { userId: string; active: boolean; version: number; label: string; accessibleLabel: string }) {
  return (
    <AdminActionButton
      action={setOwnUserActiveAction}
      fields={{ userId: props.userId, active: props.active ? 'false' : 'true', version: props.version }}
      label={props.label}
      accessibleLabel={props.accessibleLabel}
      tone={props.active ? 'danger' : 'neutral'}
    />
  );
}

/** Re-enrolment of a colleague: a new authenticator app at the next sign-in. */
export function ResetOwnSecondFactorButton(props: { userId: string; label: string; successMessage: string }) {
  return <AdminActionButton action={resetOwnSecondFactorAction} fields={{ userId: props.userId }} label={props.label} successMessage={props.successMessage} tone="danger" />;
}
