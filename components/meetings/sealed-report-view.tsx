import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { LaterProgress, SealedReport } from '@/lib/meetings/sealed-report';
import { MinutesText } from './minutes-text';
import { isOpenAgreement } from '@/lib/agreements/statuses';

/** "Versie N · verzegeld op … · <first 16 hex>": what a reader compares with the audit chain. */
export async function SealLine({ report }: { report: Pick<SealedReport, 'version' | 'sealedAt' | 'sha256'> }) {
  const [t, format] = await Promise.all([getTranslations('meetings.cycle'), getFormatter()]);
  return (
    <p className="text-sm" data-testid="seal-line">
      {t('seal.line', { version: report.version, date: format.dateTime(report.sealedAt, { dateStyle: 'long', timeStyle: 'short' }) })} ·{' '}
      <code className="rounded bg-canvas px-1 font-mono text-xs" title={report.sha256}>
        {report.sha256.slice(0, 16)}
      </code>
    </p>
  );
}

/**
 * A finished meeting's report as frozen at afronding, filtered for the reader by the database (items of
 * cases it is not convened to never arrive). What happened to the agreements since is set apart.
 */
export async function SealedReportView({ report, versionHref }: { report: SealedReport; versionHref: (version: number) => string }) {
  const [t, tm, format] = await Promise.all([getTranslations('meetings.cycle'), getTranslations('meetings'), getFormatter()]);
  const moment = (iso: string | Date) => format.dateTime(new Date(iso), { dateStyle: 'long', timeStyle: 'short' });
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: 'medium' });
  // Overdue as it was at afronding, not as it is today.
  const sealedDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(report.sealedAt);
  const th = 'border-b border-ink/40 px-2 py-1.5 text-left text-xs font-semibold uppercase tracking-wide';
  const td = 'border-b border-line px-2 py-1.5 align-top';
  const sinceText = (later: LaterProgress) =>
    [
      later.status ? t('since.status', { status: tm(`agreementStatuses.${later.status}`) }) : null,
      later.dueDate ? t('since.due', { date: day(later.dueDate) }) : null,
      later.entries ? t('since.entries', { count: later.entries, date: moment(later.lastEntryAt!) }) : null,
    ]
      .filter(Boolean)
      .join('; ');

  return (
    <div data-testid="sealed-report">
      <div className="mb-4 rounded border border-line bg-canvas px-3 py-2 print:border-ink/40">
        <SealLine report={report} />
        <p className="text-sm font-semibold">{t('seal.frozen', { date: moment(report.sealedAt) })}</p>
        {report.reopenedAt ? (
          <p className="mt-1 text-sm text-muted">{t('seal.reopened', { date: moment(report.reopenedAt), reason: report.reopenReason ?? '' })}</p>
        ) : null}
        {report.version < report.latestVersion ? (
          <p className="mt-1 text-sm font-semibold text-danger">{t('seal.older', { latest: report.latestVersion })}</p>
        ) : null}
        {report.versions.length > 1 ? (
          <p className="mt-1 text-sm print:hidden">
            {t('seal.versions')}{' '}
            {report.versions.map((v, i) => (
              <span key={v.version}>
                {i > 0 ? ' · ' : null}
                {v.version === report.version ? (
                  <strong>{t('seal.version', { version: v.version })}</strong>
                ) : (
                  <Link href={versionHref(v.version)} className="text-brand-700 underline">
                    {t('seal.version', { version: v.version })}
                  </Link>
                )}
              </span>
            ))}
          </p>
        ) : null}
      </div>

      <section className="mb-6 break-inside-avoid" aria-labelledby="s-attendance">
        <h2 id="s-attendance" className="mb-2 text-base font-semibold">{tm('printView.attendance')}</h2>
        <div className="relative overflow-x-auto" data-testid="invitees" tabIndex={0}>
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr>
                <th scope="col" className={th}>{t('seal.organisation')}</th>
                <th scope="col" className={th}>{tm('printView.attendance')}</th>
                <th scope="col" className={th}>{t('information.title')}</th>
              </tr>
            </thead>
            <tbody>
              {report.header.invitees.map((i) => (
                <tr key={i.organisationId}>
                  <td className={td}>{i.organisationName}</td>
                  <td className={td}>{i.attendance ? tm(`attendanceValues.${i.attendance}`) : tm('attendance.unknown')}</td>
                  <td className={td}>
                    {i.informationReceivedAt ? t('information.receivedOn', { date: format.dateTime(new Date(i.informationReceivedAt), { dateStyle: 'medium' }) }) : '—'}
                    {i.informationNote ? <span className="block text-xs text-muted">{i.informationNote}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="mb-6" aria-labelledby="s-agenda">
        <h2 id="s-agenda" className="mb-2 text-base font-semibold">{tm('agenda')}</h2>
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr>
              <th scope="col" className={`${th} w-10`}>#</th>
              <th scope="col" className={th}>{tm('printView.subject')}</th>
              <th scope="col" className={`${th} w-28`}>{tm('printView.itemStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {report.entries.map((e) => (
              <tr key={e.id}>
                <td className={td}>{e.position}</td>
                <td className={td}>
                  {e.visible ? (
                    e.item.caseId ? `${e.item.caseNumber} · ${e.subjectName ?? ''}` : e.item.topic
                  ) : (
                    <span className="italic text-muted">{e.removed ? t('seal.removed') : tm('closedItem')}</span>
                  )}
                </td>
                <td className={td}>{tm(`itemStatuses.${e.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {report.entries.map((e) =>
        e.visible ? (
          <section key={e.id} className="mb-6 break-inside-avoid-page border-t border-line pt-4" aria-label={tm('itemLabel', { position: e.position })} data-testid="agenda-item">
            <h2 className="mb-3 text-base font-semibold">
              {e.position}. {e.item.caseId ? `${e.item.caseNumber} · ${e.subjectName ?? ''}` : e.item.topic}
            </h2>
            {e.item.caseId ? (
              <div className="mb-3">
                <h3 className="mb-1 text-sm font-semibold">{t('seal.agreementsAtClose')}</h3>
                {e.item.agreements.length === 0 ? (
                  <p className="text-sm text-muted">{tm('check.empty')}</p>
                ) : (
                  <div className="relative overflow-x-auto" tabIndex={0}>
                    <table className="w-full border-collapse text-sm">
                      <thead>
                        <tr>
                          <th scope="col" className={th}>{tm('check.agreement')}</th>
                          <th scope="col" className={th}>{tm('check.owner')}</th>
                          <th scope="col" className={th}>{tm('check.due')}</th>
                          <th scope="col" className={th}>{tm('check.status')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {e.item.agreements.map((a) => {
                          const later = e.later[a.id];
                          return (
                            <tr key={a.id} data-testid="sealed-agreement">
                              <td className={td}>
                                {a.description}
                                {a.statusReport ? (
                                  <span className="block text-xs text-muted">
                                    {t('received.title')}: “{a.statusReport.note}” ({a.statusReport.authorName}, {moment(a.statusReport.at)})
                                  </span>
                                ) : null}
                                {later ? (
                                  <span className="mt-1 block rounded bg-amber-50 px-2 py-1 text-xs text-ink ring-1 ring-inset ring-amber-300" data-testid="since">
                                    {t('since.label')} {sinceText(later)}
                                  </span>
                                ) : null}
                              </td>
                              <td className={td}>{a.ownerOrganisationName}</td>
                              <td className={`${td} whitespace-nowrap`}>
                                {day(a.dueDate)}
                                {a.dueDate < sealedDay && isOpenAgreement(a.status) ? (
                                  <span className="ml-1 inline-block rounded bg-danger-50 px-1.5 py-0.5 text-xs font-semibold text-danger ring-1 ring-inset ring-danger">
                                    {tm('check.overdue')}
                                  </span>
                                ) : null}
                              </td>
                              <td className={`${td} whitespace-nowrap`}>
                                {tm(`agreementStatuses.${a.status}`)}
                                {a.blockedAt && isOpenAgreement(a.status) ? (
                                  <span className="ml-1 inline-block rounded bg-danger-50 px-1.5 py-0.5 text-xs font-semibold text-danger ring-1 ring-inset ring-danger">
                                    {t('seal.blocked')}
                                  </span>
                                ) : null}
                              </td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                  </div>
                )}
              </div>
            ) : null}
            <h3 className="text-sm font-semibold">{tm('record.minutes')}</h3>
            {e.item.minutes ? <MinutesText text={e.item.minutes} /> : <p className="text-sm text-muted">{tm('record.none')}</p>}
            {e.item.outcome ? (
              <>
                <h3 className="mt-2 text-sm font-semibold">{tm('record.outcome')}</h3>
                <MinutesText text={e.item.outcome} />
              </>
            ) : null}
          </section>
        ) : null,
      )}
    </div>
  );
}
