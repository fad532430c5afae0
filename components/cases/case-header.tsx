import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { CaseView } from '@/lib/cases/get-case';
import { StatusBadge } from './status-badge';

/** Number, status (and pause), type and municipality above every view of the case page. */
export async function CaseHeader({ value, received }: { value: CaseView; received: boolean }) {
  const [t, tCases] = await Promise.all([getTranslations('case'), getTranslations('cases')]);
  return (
    <div className="mb-6">
      <Link href="/cases" className="text-sm font-medium text-brand-700 underline">{t('back')}</Link>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{value.number}</h1>
        <StatusBadge
          status={value.status}
          label={tCases(`statuses.${value.status}`)}
          paused={'pauseReason' in value && value.pauseReason ? `${tCases('paused')}: ${tCases(`pauseReasons.${value.pauseReason}`)}` : null}
        />
      </div>
      <p className="mt-1 text-muted">
        {tCases(`targetGroups.${value.targetGroup}`)} · {value.municipalityName}
      </p>
      {/* The receipt belongs to the referral: once triage has decided, it is old news. */}
      {received && (value.status === 'aangemeld' || value.status === 'triage') ? (
        <p role="status" className="mt-4 rounded border border-ok bg-emerald-50 px-3 py-2 text-sm text-ok">
          {t('received', { number: value.number })}
        </p>
      ) : null}
    </div>
  );
}
