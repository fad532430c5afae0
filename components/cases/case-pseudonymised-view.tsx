import { getFormatter, getTranslations } from 'next-intl/server';
import { CaseAgreements } from '@/components/agreements/case-agreements';
import { CaseSignals } from '@/components/signals/case-signals';
import type { CaseDetail } from '@/lib/cases/load-case-detail';
import { caseCard } from './case-card';
import { CasePartnerList } from './case-partner-list';
import { DetailList } from './detail-list';

/** What a manager sees: facts for steering, nothing that identifies the person or tells their story. */
export async function CasePseudonymisedView({ detail }: { detail: Extract<CaseDetail, { view: 'pseudonymised' }> }) {
  const [t, tCases, format] = await Promise.all([getTranslations('case'), getTranslations('cases'), getFormatter()]);
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium' }) : t('none'));
  const value = detail.case;
  return (
    <>
      <p className="mb-6 rounded border border-line bg-brand-50 px-3 py-2 text-sm">{t('pseudonymised')}</p>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className={caseCard}>
          <DetailList
            items={[
              { label: t('created'), value: date(value.createdAt) },
              { label: t('triageDecision'), value: value.triageDecision ? tCases(`decisions.${value.triageDecision}`) : t('none') },
              { label: t('triagedAt'), value: date(value.triagedAt) },
              { label: tCases('updated'), value: date(value.updatedAt) },
            ]}
          />
        </section>
        <CasePartnerList caseId={value.id} partners={detail.partners} editable={false} />
      </div>
      <div className="mt-6">
        <CaseAgreements caseId={value.id} items={detail.agreements} today={detail.today} pseudonymised />
      </div>
      <div className="mt-6">
        <CaseSignals caseId={value.id} data={detail.signals} editable={false} />
      </div>
    </>
  );
}
