import { getFormatter, getTranslations } from 'next-intl/server';
import { decideGrantAction } from '@/app/(app)/approvals/actions';
import { AdminActionButton } from '@/components/admin/admin-action-button';
import { cell, DataTable } from '@/components/data-table';
import type { GrantListItem } from '@/lib/users/access-grants';

/**
 * The grants of a role waiting for a second person (four eyes), and those decided lately: approve or
 * reject for whoever may, withdraw for the admin who asked. Used on Beheer and on Goedkeuringen.
 */
export async function AccessGrantList({ grants }: { grants: GrantListItem[] }) {
  const [t, tRoles, format] = await Promise.all([getTranslations('admin.grants'), getTranslations('roles'), getFormatter()]);
  const moment = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  if (grants.length === 0) {
    return <p className="rounded-lg border border-dashed border-line bg-white px-6 py-6 text-center text-sm text-muted">{t('none')}</p>;
  }
  return (
    <DataTable
      columns={[{ label: t('who') }, { label: t('request') }, { label: t('requestedBy') }, { label: t('state') }]}
      testId="grants"
    >
      {grants.map((g) => (
        <tr key={g.id} data-testid={`grant-${g.email}`}>
          <td className={cell}>
            <span className="block font-medium">{g.name}</span>
            <span className="block text-muted">{g.email}</span>
          </td>
          <td className={cell}>
            {g.kind === 'invitation'
              ? t('invitation', { role: tRoles(g.role), organisation: g.organisationName })
              : t('change', {
                  currentRole: g.currentRole ? tRoles(g.currentRole) : '—',
                  currentOrganisation: g.currentOrganisationName ?? '—',
                  role: tRoles(g.role),
                  organisation: g.organisationName,
                })}
          </td>
          <td className={cell}>
            <span className="block">{g.requestedByName}</span>
            <span className="block text-muted">{moment(g.requestedAt)}</span>
          </td>
          <td className={cell}>
            {g.decision ? (
              <span className={g.decision === 'approved' ? 'font-medium text-ok' : 'text-muted'}>
                {g.decision === 'approved'
                  ? t('decidedApproved', { name: g.decidedByName ?? '' })
                  : g.decision === 'rejected'
                    ? t('decidedRejected', { name: g.decidedByName ?? '' })
                    : t('decidedWithdrawn')}
              </span>
            ) : (
              <div className="flex flex-wrap items-center gap-2">
                {g.mayDecide ? (
                  <>
                    <AdminActionButton
                      action={decideGrantAction}
                      fields={{ grantId: g.id, decision: 'approve' }}
                      label={t('approve')}
                      accessibleLabel={t('approveLabel', { name: g.name })}
                      successMessage={t('approved')}
                    />
                    <AdminActionButton
                      action={decideGrantAction}
                      fields={{ grantId: g.id, decision: 'reject' }}
                      label={t('reject')}
                      accessibleLabel={t('rejectLabel', { name: g.name })}
                      successMessage={t('rejected')}
                      tone="danger"
                    />
                  </>
                ) : (
                  <span className="text-muted">{g.mayWithdraw ? t('waitingForOther') : t('waiting')}</span>
                )}
                {g.mayWithdraw ? (
                  <AdminActionButton
                    action={decideGrantAction}
                    fields={{ grantId: g.id, decision: 'reject' }}
                    label={t('withdraw')}
                    accessibleLabel={t('withdrawLabel', { name: g.name })}
                    successMessage={t('withdrawn')}
                    tone="danger"
                    size="xs"
                  />
                ) : null}
              </div>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
