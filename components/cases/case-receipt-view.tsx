import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReceiptCase } from '@/lib/cases/get-case';
import { caseCard } from './case-card';
import { DetailList } from './detail-list';

/** What a referrer whose organisation is not convened sees: the receipt and the triage outcome. */
export async function CaseReceiptView({ value }: { value: ReceiptCase }) {
  const [t, tCases, format] = await Promise.all([getTranslations('case'), getTranslations('cases'), getFormatter()]);
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium' }) : t('none'));
  return (
    <section className={caseCard} aria-labelledby="receipt">
      <h2 id="receipt" className="mb-1 text-lg font-semibold">{t('receiptTitle')}</h2>
      <p className="mb-4 text-sm text-muted">{t('receiptNote')}</p>
      <DetailList
        items={[
          { label: t('created'), value: date(value.createdAt) },
          { label: t('triageDecision'), value: value.triageDecision ? tCases(`decisions.${value.triageDecision}`) : t('awaitingTriage') },
          { label: t('triagedAt'), value: date(value.triagedAt) },
          { label: t('triageReason'), value: value.triageReason ?? t('none') },
        ]}
      />
    </section>
  );
}
