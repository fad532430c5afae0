import { getFormatter, getTranslations } from 'next-intl/server';
import type { AccessLogEntry } from '@/lib/subject-access/document';
import { td, th } from './styles';

const ENTITIES = ['case', 'case-partner', 'agreement', 'agreement-action', 'agenda-item', 'meeting', 'signal', 'subject-access', 'retention'];

/** The verwerkingenlog of the subject's cases: organisation and role, never the person (see document.ts). */
export async function AccessLogTable({ entries, showCase }: { entries: AccessLogEntry[]; showCase: boolean }) {
  const [t, tCase, tRoles, format] = await Promise.all([
    getTranslations('subjectAccess.log'),
    getTranslations('case'),
    getTranslations('roles'),
    getFormatter(),
  ]);
  // The entity, and where the entry says so which view was shown or which step was taken.
  const what = (e: AccessLogEntry) => {
    const entity = t(`entities.${ENTITIES.includes(e.entity) ? e.entity : 'other'}`);
    const { view, transition } = e.details;
    const extra =
      typeof view === 'string' && t.has(`views.${view}`)
        ? t(`views.${view}`)
        : typeof transition === 'string' && tCase.has(`actions.${transition}`)
          ? tCase(`actions.${transition}`).toLowerCase()
          : null;
    return extra ? `${entity} (${extra})` : entity;
  };
  return (
    <section aria-labelledby="access-log" className="mb-8 border-t-2 border-ink pt-4" id="access-log-section">
      <h2 id="access-log" className="text-xl font-semibold">{t('heading')}</h2>
      <p className="mb-3 text-sm text-muted">{t('intro')}</p>
      {entries.length === 0 ? <p className="text-sm text-muted">{t('empty')}</p> : null}
      <table className="w-full border-collapse text-sm" data-testid="export-access-log">
        <thead>
          <tr>
            <th scope="col" className={th}>{t('when')}</th>
            {showCase ? <th scope="col" className={th}>{t('case')}</th> : null}
            <th scope="col" className={th}>{t('who')}</th>
            <th scope="col" className={th}>{t('action')}</th>
            <th scope="col" className={th}>{t('what')}</th>
            <th scope="col" className={th}>{t('outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={i} className="break-inside-avoid">
              <td className={`${td} whitespace-nowrap tabular-nums`}>{format.dateTime(new Date(e.at), { dateStyle: 'short', timeStyle: 'medium' })}</td>
              {showCase ? <td className={`${td} whitespace-nowrap`}>{e.caseNumber ?? '—'}</td> : null}
              <td className={td}>
                {e.organisationName ?? '—'}
                {e.role ? <span className="block text-xs text-muted">{tRoles(e.role)}</span> : null}
              </td>
              <td className={td}>{t(`actions.${e.action}`)}</td>
              <td className={td}>{what(e)}</td>
              <td className={`${td} ${e.outcome === 'denied' ? 'font-medium text-danger' : ''}`}>{t(`outcomes.${e.outcome}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
