import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/actor';
import { caseSignals } from '@/lib/signals/list-signals';
import { SignalCard } from './signal-card';

/**
 * The case page's stagnation section: the open (and snoozed) signals of the case with their escalation
 * history, resolve and snooze for a regisseur, and the recently resolved ones. Renders nothing for a
 * role that does not see signals. The page has already checked that the actor may see the case.
 */
export async function CaseSignals({ actor, caseId }: { actor: Actor; caseId: string }) {
  const data = await caseSignals(actor, caseId);
  if (!data) return null;
  const t = await getTranslations('signals');
  const editable = actor.role === 'regisseur';
  return (
    <section className="rounded-lg border border-line bg-white p-5" aria-labelledby="case-signals" id="signals" data-testid="case-signals">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="case-signals" className="text-lg font-semibold">
          {t('caseSection')}
        </h2>
        {data.current.length > 0 ? (
          <Link href={`/signals?case=${caseId}`} className="text-sm font-medium text-brand-700 underline">
            {t('allSignals')}
          </Link>
        ) : null}
      </div>
      {data.current.length === 0 ? <p className="text-sm text-muted">{t('caseSectionEmpty')}</p> : null}
      <div className="divide-y divide-line">
        {data.current.map((signal) => (
          <SignalCard key={signal.id} signal={signal} editable={editable} escalations={data.escalations.get(signal.id) ?? []} />
        ))}
      </div>
      {data.resolved.length > 0 ? (
        <details className="mt-4 border-t border-line pt-3">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t('caseResolved', { count: data.resolved.length })}</summary>
          <div className="mt-3 divide-y divide-line">
            {data.resolved.map((signal) => (
              <SignalCard key={signal.id} signal={signal} editable={false} escalations={data.escalations.get(signal.id) ?? []} />
            ))}
          </div>
        </details>
      ) : null}
    </section>
  );
}
