import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReferralMatching } from '@/lib/cases/referral-matches';
import { caseCard } from './case-card';
import { ContinueReferralForm, MergeReferralForm, UndoMergeForm } from './referral-matching-forms';

/**
 * At triage, for a regisseur only: the earlier cases of the same person, with a link to each, and the
 * choice to merge the referral into one of them (undoable until triage) or to go on with a reason.
 */
export async function ReferralMatchingPanel({ caseId, version, matching }: { caseId: string; version: number; matching: ReferralMatching }) {
  const [t, tCases] = await Promise.all([getTranslations('case.matching'), getTranslations('cases')]);
  const { matches, mergedInto, continuedReason, open } = matching;
  if (matches.length === 0 && !mergedInto) return null;
  const known = (m: { id: string; number: string; status: string }) => (
    <Link href={`/cases/${m.id}`} className="font-semibold text-brand-700 underline">
      {t('known', { number: m.number, status: tCases(`statuses.${m.status}`) })}
    </Link>
  );
  return (
    <section className={`${caseCard} border-l-4 border-l-brand-600`} aria-labelledby="matching" data-testid="referral-matching">
      <h2 id="matching" className="mb-1 text-lg font-semibold">{t('title')}</h2>
      <p className="mb-3 text-sm text-muted">{t('intro')}</p>
      {mergedInto ? (
        <div>
          <p className="text-sm">{t('mergedInto', { number: mergedInto.number })}</p>
          <p className="mt-1 text-sm">{known(mergedInto)}</p>
          {open ? <UndoMergeForm caseId={caseId} version={version} /> : null}
        </div>
      ) : (
        <ul className="space-y-3">
          {matches.map((m) => (
            <li key={m.id} className="text-sm">
              {known(m)}
              {open ? (
                <details className="mt-1">
                  <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t('merge', { number: m.number })}</summary>
                  <MergeReferralForm caseId={caseId} version={version} into={m} />
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {continuedReason ? <p className="mt-3 whitespace-pre-line text-sm">{t('continued', { reason: continuedReason })}</p> : null}
      {open && !mergedInto && !continuedReason ? (
        <details className="mt-3 border-t border-line pt-3">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t('continue')}</summary>
          <ContinueReferralForm caseId={caseId} version={version} />
        </details>
      ) : null}
    </section>
  );
}
