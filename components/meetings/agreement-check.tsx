import { getFormatter, getTranslations } from 'next-intl/server';
import { AgreementStatusBadge } from '@/components/agreements/agreement-badges';
import type { AgendaEntry } from '@/lib/meetings/get-meeting';
import { ChangeItemAgreementForm, CloseItemAgreementForm, type OwnerChoices } from './item-agreement-forms';
import { isOpenAgreement } from '@/lib/agreements/statuses';

type OpenAgreement = NonNullable<AgendaEntry['openAgreements']>[number];

const badge = 'inline-block rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset';
const blockedBadge = `${badge} bg-amber-50 text-amber-900 ring-amber-400`;
const overdueBadge = `${badge} bg-danger-50 text-danger ring-danger`;
const noteBadge = `${badge} bg-brand-50 text-brand-800 ring-brand-600`;

/** While the meeting runs, the regisseur changes and closes the agreements here. */
export interface CheckManagement {
  meetingId: string;
  caseId: string;
  choices: OwnerChoices;
}

/**
 * The afsprakencheck that opens a case item: the case's open agreements (overdue and blocked ones
 * marked), and those made or closed in this meeting. With `manage`, each open one can be changed or closed.
 */
export async function AgreementCheck({ agreements, manage }: { agreements: OpenAgreement[]; manage?: CheckManagement }) {
  const [t, tA, format] = await Promise.all([getTranslations('meetings'), getTranslations('agreements'), getFormatter()]);
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: 'medium' });
  const th = 'px-2 py-1.5 text-left text-xs font-semibold uppercase tracking-wide text-muted';
  const open = (a: OpenAgreement) => isOpenAgreement(a.status);

  const status = (a: OpenAgreement) => (
    <span className="flex flex-wrap items-center gap-1.5">
      {a.blocked ? <span className={blockedBadge}>{t('check.blocked')}</span> : <AgreementStatusBadge status={a.status} label={t(`agreementStatuses.${a.status}`)} />}
      {a.madeHere && open(a) ? <span className={noteBadge}>{t('check.madeHere')}</span> : null}
      {a.closedHere ? <span className={noteBadge}>{t('check.closedHere')}</span> : null}
    </span>
  );
  const reasons = (a: OpenAgreement) => (
    <>
      {a.blocked && a.blockedReason ? (
        <p className="mt-1 text-xs">
          <span className="font-semibold">{t('check.blockedReason')}:</span> {a.blockedReason}
        </p>
      ) : null}
      {a.status === 'niet_nagekomen' && a.closeReason ? (
        <p className="mt-1 text-xs">
          <span className="font-semibold">{t('check.notDoneReason')}:</span> {tA(`closeReasons.${a.closeReason}`)}
          {a.closeNote ? ` — ${a.closeNote}` : null}
        </p>
      ) : null}
    </>
  );
  const due = (a: OpenAgreement) => (
    <>
      {day(a.dueDate)}
      {a.overdue ? <span className={`ml-1.5 ${overdueBadge}`}>{t('check.overdue')}</span> : null}
    </>
  );

  return (
    <div className="break-inside-avoid">
      <h4 className="mb-1 text-sm font-semibold">{t('check.title')}</h4>
      {agreements.length === 0 ? (
        <p className="text-sm text-muted">{t('check.empty')}</p>
      ) : manage ? (
        <ul className="divide-y divide-line rounded border border-line" data-testid="agreement-check">
          {agreements.map((a) => (
            <li key={a.id} data-testid="open-agreement" className={`p-2.5 text-sm sm:p-3 ${a.overdue ? 'border-l-4 border-l-danger' : ''}`}>
              {status(a)}
              <p className="mt-1 font-medium">{a.description}</p>
              <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-muted">
                <div>
                  <dt className="sr-only">{t('check.owner')}</dt>
                  <dd>
                    {a.ownerOrganisationName}
                    {a.ownerUserName ? ` · ${a.ownerUserName}` : null}
                  </dd>
                </div>
                <div>
                  <dt className="inline">{t('check.due')}: </dt>
                  <dd className="inline text-ink">{due(a)}</dd>
                </div>
                <div>
                  <dt className="inline">{t('check.lastProgress')}: </dt>
                  <dd className="inline">{a.lastProgressAt ? format.dateTime(a.lastProgressAt, { dateStyle: 'medium' }) : t('check.noProgress')}</dd>
                </div>
              </dl>
              {reasons(a)}
              {open(a) ? (
                <div className="mt-2 space-y-1">
                  <details>
                    <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t('check.change')}</summary>
                    <div className="mt-2 rounded-md border border-line bg-canvas p-2 sm:p-3">
                      <ChangeItemAgreementForm caseId={manage.caseId} meetingId={manage.meetingId} agreement={a} choices={manage.choices} />
                    </div>
                  </details>
                  <details>
                    <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t('check.close')}</summary>
                    <div className="mt-2 rounded-md border border-line bg-canvas p-2 sm:p-3">
                      <CloseItemAgreementForm caseId={manage.caseId} meetingId={manage.meetingId} agreement={a} />
                    </div>
                  </details>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <div className="relative overflow-x-auto rounded border border-line" tabIndex={0}>
          <table className="min-w-full divide-y divide-line text-sm">
            <thead className="bg-canvas">
              <tr>
                <th scope="col" className={th}>{t('check.agreement')}</th>
                <th scope="col" className={th}>{t('check.owner')}</th>
                <th scope="col" className={th}>{t('check.due')}</th>
                <th scope="col" className={th}>{t('check.status')}</th>
                <th scope="col" className={th}>{t('check.lastProgress')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {agreements.map((a) => (
                <tr key={a.id} data-testid="open-agreement">
                  <td className="px-2 py-1.5">{a.description}</td>
                  <td className="px-2 py-1.5">{a.ownerOrganisationName}</td>
                  <td className="px-2 py-1.5 whitespace-nowrap">{due(a)}</td>
                  <td className="px-2 py-1.5">
                    {status(a)}
                    {reasons(a)}
                  </td>
                  <td className="px-2 py-1.5 whitespace-nowrap">
                    {a.lastProgressAt ? format.dateTime(a.lastProgressAt, { dateStyle: 'medium' }) : <span className="text-muted">{t('check.noProgress')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
