import { getFormatter, getTranslations } from 'next-intl/server';
import { DetailList } from '@/components/cases/detail-list';
import type { UserDetail } from '@/lib/users/manage-users';

/** The head of a user's page, for the admin and the partnerbeheerder alike: who it is and whether it may sign in. */
export async function UserSummaryCard({ user, self }: { user: UserDetail; self: boolean }) {
  const [t, tAdmin, tRoles, format] = await Promise.all([
    getTranslations('admin.userDetail'),
    getTranslations('admin'),
    getTranslations('roles'),
    getFormatter(),
  ]);
  const moment = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="user-title" className="mb-6 mt-3 rounded-lg border border-line bg-white p-5">
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h2 id="user-title" className="text-xl font-semibold">
          {user.name}
          {self ? <span className="text-base font-normal text-muted"> ({tAdmin('you')})</span> : null}
        </h2>
        <span
          className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${
            user.active ? 'bg-emerald-50 text-ok ring-emerald-300' : 'bg-danger-50 text-danger ring-red-300'
          }`}
          data-testid="user-status"
        >
          {user.active ? tAdmin('active') : tAdmin('inactive')}
        </span>
      </div>
      <DetailList
        items={[
          { label: tAdmin('email'), value: user.email },
          // Only an admin can meet an inactive organisation: a partnerbeheerder's own is active while it is signed in.
          { label: tAdmin('organisation'), value: `${user.organisationName}${user.organisationActive ? '' : ` (${t('organisationInactive')})`}` },
          { label: tAdmin('role'), value: tRoles(user.role) },
          { label: tAdmin('lastSignIn'), value: user.lastSignInAt ? moment(user.lastSignInAt) : tAdmin('never') },
          { label: t('since'), value: moment(user.createdAt) },
        ]}
      />
    </section>
  );
}
