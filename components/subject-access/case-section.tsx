import { getFormatter, getTranslations } from 'next-intl/server';
import type { CaseEntry } from '@/lib/subject-access/document';
import { AgendaItemsSection } from './agenda-items-section';
import { AgreementsSection } from './agreements-section';
import { CriteriaList } from '@/components/cases/criteria-list';
import { FlaggedText } from './flagged-text';
import { ContactsSection } from './contacts-section';
import { SignalsSection } from './signals-section';
import { h3, td, th } from './styles';

/** One case of the subject: its data, its course, the partners it was shared with, and what followed. */
export async function CaseSection({ entry }: { entry: CaseEntry }) {
  const [t, tCase, tCases, tRoles, format] = await Promise.all([
    getTranslations('subjectAccess.case'),
    getTranslations('case'),
    getTranslations('cases'),
    getTranslations('roles'),
    getFormatter(),
  ]);
  const day = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium' });
  const moment = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
  const who = (by: { organisationName: string | null; role: string | null }) =>
    [by.organisationName, by.role ? tRoles(by.role) : null].filter(Boolean).join(' · ') || '—';

  const details: { label: string; value: React.ReactNode; wide?: boolean }[] = [
    { label: t('status'), value: tCases(`statuses.${entry.status}`) },
    { label: t('targetGroup'), value: tCases(`targetGroups.${entry.targetGroup}`) },
    { label: tCase('name'), value: entry.subject.name },
    { label: tCase('birthDate'), value: format.dateTime(new Date(`${entry.subject.birthDate}T12:00:00Z`), { dateStyle: 'long' }) },
    { label: tCase('address'), value: entry.subject.address ?? '—' },
    { label: t('municipality'), value: entry.municipalityName },
    { label: t('referrer'), value: who(entry.referrer) },
    ...(entry.referredBy ? [{ label: t('referredBy'), value: entry.referredBy }] : []),
    { label: t('created'), value: day(entry.createdAt) },
    { label: tCase('reason'), value: <FlaggedText value={entry.reason} />, wide: true },
    { label: tCase('goal'), value: <FlaggedText value={entry.goal} />, wide: true },
    {
      label: tCase('criteria'),
      value: <CriteriaList criteria={entry.criteria} />,
    },
    { label: tCase('involvedPartners'), value: <FlaggedText value={entry.involvedPartners} /> },
  ];
  if (entry.triageDecision) {
    details.push(
      { label: tCase('triageDecision'), value: `${tCases(`decisions.${entry.triageDecision}`)}${entry.triagedAt ? ` (${day(entry.triagedAt)})` : ''}` },
      { label: tCase('triageReason'), value: <FlaggedText value={entry.triageReason} /> },
    );
  }
  if (entry.pauseReason) {
    details.push({ label: t('paused'), value: `${tCases(`pauseReasons.${entry.pauseReason}`)}${entry.pausedAt ? ` (${day(entry.pausedAt)})` : ''}` });
  }
  if (entry.closureResult || entry.closedAt) {
    details.push(
      { label: t('closedAt'), value: entry.closedAt ? day(entry.closedAt) : '—' },
      { label: tCase('closure'), value: <FlaggedText value={entry.closureResult} /> },
    );
  }
  if (entry.retentionExtendedUntil) {
    details.push(
      { label: t('retention'), value: day(entry.retentionExtendedUntil) },
      { label: t('retentionReason'), value: <FlaggedText value={entry.retentionExtensionReason} /> },
    );
  }

  const eventTitle = (e: CaseEntry['events'][number]): string => {
    switch (e.kind) {
      case 'triage':
        return tCase('events.triage', { decision: tCases(`decisions.${String(e.data?.decision)}`) });
      case 'pause':
        return tCase('events.pause', { reason: tCases(`pauseReasons.${String(e.data?.pauseReason)}`) });
      case 'resume':
        return tCase('events.resume');
      case 'edit':
        return tCase('events.edit');
      default:
        return e.fromStatus && e.toStatus
          ? tCase('events.status', { from: tCases(`statuses.${e.fromStatus}`), to: tCases(`statuses.${e.toStatus}`) })
          : tCase('events.created');
    }
  };

  return (
    <section id={`case-${entry.number}`} aria-labelledby={`case-${entry.id}`} className="mb-10 border-t-2 border-ink pt-4" data-testid="export-case">
      <h2 id={`case-${entry.id}`} className="text-xl font-semibold">
        {t('heading', { number: entry.number })}
      </h2>

      <h3 className={h3}>{t('data')}</h3>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 print:grid-cols-2">
        {details.map((d) => (
          <div key={d.label} className={d.wide ? 'sm:col-span-2 print:col-span-2' : ''}>
            <dt className="text-xs font-semibold uppercase tracking-wide text-muted">{d.label}</dt>
            <dd className="mt-0.5">{d.value}</dd>
          </div>
        ))}
      </dl>

      <h3 className={h3}>{t('events')}</h3>
      <table className="w-full border-collapse text-sm">
        <tbody>
          {entry.events.map((e, i) => (
            <tr key={i} className="break-inside-avoid">
              <td className={`${td} w-40 whitespace-nowrap tabular-nums`}>{moment(e.at)}</td>
              <td className={td}>
                <span className="font-medium">{eventTitle(e)}</span>
                {e.reason ? (
                  <span className="block">
                    <FlaggedText value={e.reason} />
                  </span>
                ) : null}
              </td>
              <td className={`${td} w-56 text-xs text-muted`}>{who(e.by)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3 className={h3}>{t('partners')}</h3>
      {entry.partners.length === 0 ? (
        <p className="text-sm text-muted">{t('none')}</p>
      ) : (
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr>
              <th scope="col" className={th}>{tCase('organisation')}</th>
              <th scope="col" className={th}>{tCase('endReason')}</th>
            </tr>
          </thead>
          <tbody>
            {entry.partners.map((p, i) => (
              <tr key={i} className="break-inside-avoid">
                <td className={`${td} w-72`}>
                  <span className="font-medium">{p.organisationName}</span>
                  <span className="block text-xs text-muted">
                    {p.endedAt ? t('partnerEnded', { from: day(p.addedAt), to: day(p.endedAt) }) : t('partnerSince', { date: day(p.addedAt) })}
                  </span>
                </td>
                <td className={td}>
                  <FlaggedText value={p.reason} />
                  {p.endReason ? (
                    <span className="block text-xs text-muted">
                      <FlaggedText value={p.endReason} />
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <AgreementsSection agreements={entry.agreements} />
      <AgendaItemsSection items={entry.agendaItems} />
      <SignalsSection signals={entry.signals} />
      <ContactsSection contacts={entry.contacts} />
    </section>
  );
}
