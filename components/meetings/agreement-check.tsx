import { getFormatter, getTranslations } from 'next-intl/server';
import type { AgendaEntry } from '@/lib/meetings/get-meeting';

type OpenAgreement = NonNullable<AgendaEntry['openAgreements']>[number];

/** The afsprakencheck that opens a case item: the case's open agreements, overdue ones marked. */
export async function AgreementCheck({ agreements }: { agreements: OpenAgreement[] }) {
  const [t, format] = await Promise.all([getTranslations('meetings'), getFormatter()]);
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: 'medium' });
  const th = 'px-2 py-1.5 text-left text-xs font-semibold uppercase tracking-wide text-muted';
  return (
    <div className="break-inside-avoid">
      <h4 className="mb-1 text-sm font-semibold">{t('check.title')}</h4>
      {agreements.length === 0 ? (
        <p className="text-sm text-muted">{t('check.empty')}</p>
      ) : (
        <div className="overflow-x-auto rounded border border-line">
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
                  <td className="px-2 py-1.5 whitespace-nowrap">
                    {day(a.dueDate)}
                    {a.overdue ? (
                      <span className="ml-1.5 inline-block rounded bg-danger-50 px-1.5 py-0.5 text-xs font-semibold text-danger ring-1 ring-inset ring-danger">
                        {t('check.overdue')}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-2 py-1.5 whitespace-nowrap">{t(`agreementStatuses.${a.status}`)}</td>
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
