import { getFormatter, getTranslations } from 'next-intl/server';
import type { CaseRetention } from '@/lib/retention/case-retention';
import { ExtendRetentionForm } from './extend-retention-form';

/** For the regisseur of an ended case: when its personal data goes, the extension, and the form for it. */
export async function RetentionPanel({ caseId, retention }: { caseId: string; retention: CaseRetention }) {
  const [t, format] = await Promise.all([getTranslations('retention'), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'long' });
  const { extension } = retention;
  return (
    <section className="rounded-lg border border-line bg-white p-5" aria-labelledby="retention" data-testid="retention">
      <h2 id="retention" className="mb-2 text-lg font-semibold">{t('title')}</h2>
      <p className="text-sm">
        {retention.personalDataRemovedAt
          ? t('removedOn', { date: date(retention.personalDataRemovedAt) })
          : t('endsOn', { date: date(retention.endsAt) })}
      </p>
      <p className="mt-1 text-xs text-muted">{t(`basis.${retention.category}`, { date: date(retention.closedAt) })}</p>
      {extension ? (
        <div className="mt-3 border-t border-line pt-3 text-sm" data-testid="retention-extension">
          <p>{t('extended', { date: date(extension.at), name: extension.byName ?? t('unknown'), until: date(extension.until) })}</p>
          {extension.reason ? <p className="mt-1 text-muted">{t('extendedReason', { reason: extension.reason })}</p> : null}
          {retention.personalDataRemovedAt ? null : <p className="mt-1 text-xs text-muted">{t('onceOnly')}</p>}
        </div>
      ) : null}
      {retention.canExtend ? (
        <details className="mt-3 border-t border-line pt-3">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t('extend')}</summary>
          <ExtendRetentionForm caseId={caseId} version={retention.version} years={retention.extensionYears} />
        </details>
      ) : null}
    </section>
  );
}
