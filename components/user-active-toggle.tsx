'use client';

import { useTranslations } from 'next-intl';
import { AdminActionButton } from '@/components/admin/admin-action-button';
import type { FormAction } from '@/lib/forms/action-state';

interface Props {
  /** The admin's action, or the partnerbeheerder's, which lib/ limits to its own organisation. */
  action: FormAction;
  userId: string;
  /** Names the account for screen readers ("Mark Jansen blokkeren"): a list holds a button per user. */
  name: string;
  active: boolean;
  version: number;
}

/** Block or unblock a user; blocking ends their sessions at once. */
export function UserActiveToggle({ action, userId, name, active, version }: Props) {
  const t = useTranslations('admin');
  return (
    <AdminActionButton
      action={action}
      fields={{ userId, active: active ? 'false' : 'true', version }}
      label={active ? t('deactivate') : t('activate')}
      accessibleLabel={t(active ? 'deactivateLabel' : 'activateLabel', { name })}
      tone={active ? 'danger' : 'neutral'}
    />
  );
}
