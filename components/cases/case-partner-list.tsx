import { getFormatter, getTranslations } from 'next-intl/server';
import type { CasePartnerView } from '@/lib/cases/partners';
import { caseCard } from './case-card';
import { EndPartnerForm } from './case-forms';

/** The convened partners, current ones first; a regisseur can end a participation. */
export async function CasePartnerList({ caseId, partners, editable }: { caseId: string; partners: CasePartnerView[]; editable: boolean }) {
  const [t, format] = await Promise.all([getTranslations('case'), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  return (
    <section className={caseCard} aria-labelledby="partners">
      <h2 id="partners" className="mb-3 text-lg font-semibold">{t('partners')}</h2>
      {partners.length === 0 ? <p className="text-sm text-muted">{t('partnersEmpty')}</p> : null}
      <ul className="divide-y divide-line" data-testid="partners">
        {partners.map((p) => (
          <li key={p.id} className={`py-2 text-sm ${p.endedAt ? 'text-muted' : ''}`}>
            <span className="font-medium">{p.organisationName}</span>{' '}
            <span className="text-xs text-muted">
              {p.endedAt ? t('ended', { date: date(p.endedAt) }) : t('since', { date: date(p.addedAt) })}
            </span>
            {p.reason ? <span className="block text-xs text-muted">{p.reason}</span> : null}
            {editable && !p.endedAt ? <EndPartnerForm caseId={caseId} partnerId={p.id} organisation={p.organisationName} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
