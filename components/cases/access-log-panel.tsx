import { getFormatter, getTranslations } from 'next-intl/server';
import { thClass } from '@/components/ui/table';

interface Entry {
  id: number;
  at: Date;
  action: string;
  outcome: string;
  role: string | null;
  userName: string | null;
  organisationName: string | null;
}

/** "Wie heeft deze casus ingezien": for the regisseur, straight from the audit log. */
export async function AccessLogPanel({ entries }: { entries: Entry[] }) {
  const [t, tRoles, format] = await Promise.all([getTranslations('case'), getTranslations('roles'), getFormatter()]);
  const th = thClass;
  return (
    <section aria-labelledby="access-log" className="rounded-lg border border-line bg-white p-5">
      <h2 id="access-log" className="text-lg font-semibold">{t('accessLog')}</h2>
      <p className="mb-3 text-sm text-muted">{t('accessLogIntro')}</p>
      {/* Scrollable once the log grows: focusable, so keyboard users can scroll it too (WCAG 2.1.1); a region
          with a name of its own, so that it is not a second landmark called like the section. */}
      <div className="max-h-96 overflow-auto" tabIndex={0} role="region" aria-label={t('accessLogTable')}>
        <table className="min-w-full divide-y divide-line text-sm" data-testid="access-log">
          <thead className="sticky top-0 bg-canvas">
            <tr>
              <th scope="col" className={th}>{t('when')}</th>
              <th scope="col" className={th}>{t('who')}</th>
              <th scope="col" className={th}>{t('what')}</th>
              <th scope="col" className={th}>{t('outcome')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {entries.map((e) => (
              <tr key={e.id}>
                <td className="px-3 py-1.5 whitespace-nowrap">{format.dateTime(e.at, { dateStyle: 'short', timeStyle: 'medium' })}</td>
                <td className="px-3 py-1.5">
                  <span className="block">{e.userName ?? (e.role ? '—' : t('systemActor'))}</span>
                  <span className="block text-xs text-muted">
                    {e.organisationName ?? ''}
                    {e.role ? ` · ${tRoles(e.role)}` : ''}
                  </span>
                </td>
                <td className="px-3 py-1.5">{t(`auditActions.${e.action}`)}</td>
                <td className={`px-3 py-1.5 ${e.outcome === 'denied' ? 'font-medium text-danger' : ''}`}>{t(`outcomes.${e.outcome}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
