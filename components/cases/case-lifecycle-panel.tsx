import { getTranslations } from 'next-intl/server';
import type { FullCase } from '@/lib/cases/get-case';
import { allowedActions } from '@/lib/cases/lifecycle';
import { caseCard } from './case-card';
import { TransitionForm } from './case-forms';

/** The lifecycle steps the case can take now (the triage decision, monitoring, closure, pause), one form each. */
export async function CaseLifecyclePanel({ value }: { value: FullCase }) {
  const t = await getTranslations('case');
  // Triage is one step: the decision is taken straight from the referral ("start triage" stays in the API).
  const actions = allowedActions({ status: value.status, pauseReason: value.pauseReason }).filter((a) => a !== 'start_triage');
  return (
    <section className={caseCard} aria-labelledby="lifecycle">
      <h2 id="lifecycle" className="mb-2 text-lg font-semibold">{t('lifecycle')}</h2>
      {actions.length === 0 ? <p className="text-sm text-muted">{t('noActions')}</p> : null}
      <div className="divide-y divide-line">
        {actions.map((action) => (
          <details key={action} className="py-2" open={actions.length === 1}>
            <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t(`actions.${action}`)}</summary>
            <div className="mt-2">
              <TransitionForm caseId={value.id} version={value.version} action={action} />
            </div>
          </details>
        ))}
      </div>
    </section>
  );
}
