import { getFormatter, getTranslations } from 'next-intl/server';
import type { CaseEntry } from '@/lib/subject-access/document';
import { FlaggedText } from './flagged-text';
import { h3 } from './styles';

/** The agreements of one case with every due-date move and progress entry, as the house holds them. */
export async function AgreementsSection({ agreements }: { agreements: CaseEntry['agreements'] }) {
  const [t, tCase, tAgreements, format] = await Promise.all([
    getTranslations('subjectAccess.agreement'),
    getTranslations('subjectAccess.case'),
    getTranslations('agreements'),
    getFormatter(),
  ]);
  const date = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: 'medium' });
  const moment = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <h3 className={h3}>{tCase('agreements')}</h3>
      {agreements.length === 0 ? <p className="text-sm text-muted">{tCase('none')}</p> : null}
      <ol className="space-y-3">
        {agreements.map((a) => (
          <li key={a.id} className="break-inside-avoid rounded border border-line p-3 text-sm" data-testid="export-agreement">
            <p className="font-semibold">
              <FlaggedText value={a.description} />
            </p>
            <dl className="mt-1 flex flex-wrap gap-x-5 gap-y-0.5 text-xs text-muted">
              <div>
                <dt className="inline">{t('owner')}: </dt>
                <dd className="inline">
                  {a.ownerOrganisationName}
                  {a.namedProfessional ? ` (${t('namedProfessional')})` : ''}
                </dd>
              </div>
              <div>
                <dt className="inline">{t('due')}: </dt>
                <dd className="inline">
                  {date(a.dueDate)}
                  {a.originalDueDate !== a.dueDate ? ` (${t('originalDue', { date: date(a.originalDueDate) })})` : ''}
                </dd>
              </div>
              <div>
                <dt className="inline">{t('status')}: </dt>
                <dd className="inline font-semibold text-ink">{tAgreements(`statuses.${a.status}`)}</dd>
              </div>
            </dl>
            {a.blockedReason ? (
              <p className="mt-2">
                <span className="font-semibold">{t('blocked')}: </span>
                <FlaggedText value={a.blockedReason} />
              </p>
            ) : null}
            {a.completionNote ? (
              <p className="mt-2">
                <span className="font-semibold">{t('completed')}: </span>
                <FlaggedText value={a.completionNote} />
              </p>
            ) : null}
            {a.dueChanges.length ? (
              <div className="mt-2">
                <p className="text-xs font-semibold">{t('dueChanges')}</p>
                <ul className="mt-0.5 space-y-0.5">
                  {a.dueChanges.map((d, i) => (
                    <li key={i}>
                      <span className="tabular-nums text-muted">{moment(d.at)}</span> · {t('dueChange', { from: date(d.fromDate), to: date(d.toDate) })}:{' '}
                      <FlaggedText value={d.reason} />
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {a.progress.length ? (
              <div className="mt-2">
                <p className="text-xs font-semibold">{t('progress')}</p>
                <ul className="mt-0.5 space-y-0.5">
                  {a.progress.map((p, i) => (
                    <li key={i}>
                      <span className="tabular-nums text-muted">{moment(p.at)}</span> · {tAgreements(`kinds.${p.kind}`)} ({p.organisationName})
                      {p.note ? (
                        <>
                          : <FlaggedText value={p.note} />
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
