import { getFormatter, getTranslations } from 'next-intl/server';
import { AdminActionButton } from '@/components/admin/admin-action-button';
import { UserActiveToggle } from '@/components/user-active-toggle';
import type { FormAction } from '@/lib/forms/action-state';
import type { UserDetail } from '@/lib/users/manage-users';

interface Props {
  user: UserDetail;
  self: boolean;
  /** A new second factor at the next sign-in; the partnerbeheerder's wording calls it re-enrolment. */
  resetSecondFactor: { action: FormAction; label: string; successMessage: string };
  setActive: FormAction;
  /** The admin's alone: ending every session, and lifting the lock after failed sign-ins (the row shows only with it). */
  signOutEverywhere?: FormAction;
  unlock?: FormAction;
}

/**
 * A user's second factor, sessions, lock and whether the account may sign in, with the actions the screen
 * offers: the admin's, or the partnerbeheerder's (which lib/ limits to its own organisation). One's own
 * account offers no reset and no block.
 */
export async function UserSecurityCard({ user, self, resetSecondFactor, setActive, signOutEverywhere, unlock }: Props) {
  const [t, format] = await Promise.all([getTranslations('admin.userDetail'), getFormatter()]);
  const moment = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="security-title" className="rounded-lg border border-line bg-white p-5">
      <h2 id="security-title" className="text-lg font-semibold">
        {t('securityTitle')}
      </h2>
      <ul className="mt-2 divide-y divide-line">
        <SecurityRow title={t('secondFactor')} text={user.secondFactorSince ? t('secondFactorSince', { date: moment(user.secondFactorSince) }) : t('secondFactorNone')}>
          {self ? null : <AdminActionButton action={resetSecondFactor.action} fields={{ userId: user.id }} label={resetSecondFactor.label} successMessage={resetSecondFactor.successMessage} tone="danger" />}
        </SecurityRow>
        <SecurityRow title={t('sessions')} text={t('sessionsCount', { count: user.activeSessions })}>
          {signOutEverywhere ? (
            <AdminActionButton action={signOutEverywhere} fields={{ userId: user.id }} label={t('signOutEverywhere')} successMessage={t('signedOut')} tone="danger" />
          ) : null}
        </SecurityRow>
        {unlock ? (
          <SecurityRow title={t('lock')} text={user.lockedUntil ? t('lockedUntil', { date: moment(user.lockedUntil) }) : t('notLocked')}>
            {user.lockedUntil ? <AdminActionButton action={unlock} fields={{ userId: user.id }} label={t('unlock')} successMessage={t('unlocked')} /> : null}
          </SecurityRow>
        ) : null}
        <SecurityRow title={t('account')} text={self ? t('ownAccount') : user.active ? t('accountActive') : t('accountBlocked')}>
          {self ? null : <UserActiveToggle action={setActive} userId={user.id} name={user.name} active={user.active} version={user.version} />}
        </SecurityRow>
      </ul>
    </section>
  );
}

function SecurityRow({ title, text, children }: { title: string; text: string; children?: React.ReactNode }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3">
      <div className="min-w-0 max-w-prose">
        <h3 className="text-sm font-semibold">{title}</h3>
        <p className="text-sm text-muted">{text}</p>
      </div>
      {children ? <div className="shrink-0">{children}</div> : null}
    </li>
  );
}
