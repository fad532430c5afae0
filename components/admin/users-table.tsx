import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { cell, DataTable } from '@/components/data-table';
import { UserActiveToggle } from '@/components/user-active-toggle';
import type { FormAction } from '@/lib/forms/action-state';
import type { UserListItem } from '@/lib/users/manage-users';

interface Props {
  users: UserListItem[];
  actorId: string;
  /** Where a user's page is: under /admin/users, or /partnerbeheer/users for the partnerbeheerder. */
  pageOf: (userId: string) => string;
  /** The admin's block action, or the partnerbeheerder's, which lib/ limits to its own organisation. */
  setActive: FormAction;
  /** The admin's list spans organisations; a partnerbeheerder's holds its own only, so it has no such column. */
  showOrganisation: boolean;
  testId?: string;
}

/** Accounts with their role, last sign-in and state, and a block button for every one but one's own. */
export async function UsersTable({ users, actorId, pageOf, setActive, showOrganisation, testId }: Props) {
  const [t, tRoles, format] = await Promise.all([getTranslations('admin'), getTranslations('roles'), getFormatter()]);
  const moment = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <DataTable
      columns={[
        { label: t('name') },
        ...(showOrganisation ? [{ label: t('organisation') }] : []),
        { label: t('role') },
        { label: t('lastSignIn') },
        { label: t('status') },
        { label: t('invitations.actions'), hidden: true },
      ]}
      testId={testId}
    >
      {users.map((user) => (
        <tr key={user.id} data-testid={`user-${user.email}`}>
          {/* Wide enough for a name and address on a phone; the table scrolls sideways for the rest. */}
          <td className={`${cell} min-w-56`}>
            <span className="block">
              <Link href={pageOf(user.id)} className="font-medium text-brand-700 underline">
                {user.name}
              </Link>
              {user.id === actorId ? <span className="text-muted"> ({t('you')})</span> : null}
            </span>
            <span className="block text-muted">{user.email}</span>
          </td>
          {showOrganisation ? <td className={cell}>{user.organisationName}</td> : null}
          <td className={cell}>{tRoles(user.role)}</td>
          <td className={cell}>{user.lastSignInAt ? moment(user.lastSignInAt) : t('never')}</td>
          <td className={cell}>
            <span className={user.active ? 'font-medium text-ok' : 'font-medium text-danger'}>{user.active ? t('active') : t('inactive')}</span>
          </td>
          <td className={`${cell} text-right`}>
            {user.id === actorId ? null : <UserActiveToggle action={setActive} userId={user.id} name={user.name} active={user.active} version={user.version} />}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
