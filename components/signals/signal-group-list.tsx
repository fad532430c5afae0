import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SignalSubjectCardView } from '@/components/signals/signal-subject-card';
import { groupSignals } from '@/lib/signals/group-signals';
import type { SignalItem } from '@/lib/signals/list-signals';

const card = 'rounded-lg border border-line bg-white px-3 py-3 sm:px-5';

/**
 * The signals grouped per case, one card per agreement: the page's first page, and each page "Meer laden"
 * appends (`idSuffix` keeps the headings' ids apart when a case goes on on the next page).
 */
export async function SignalGroupList({
  items,
  acted = [],
  editable,
  returnTo,
  idSuffix = '',
}: {
  items: SignalItem[];
  acted?: string[];
  editable: boolean;
  returnTo: string;
  idSuffix?: string;
}) {
  const [t, tCases] = await Promise.all([getTranslations('signals'), getTranslations('cases')]);
  const groups = groupSignals(items, new Set(acted));
  return groups.map((group) => {
    const headingId = `group-${group.caseId ?? group.key.replace(/[^a-z0-9-]/gi, '')}${idSuffix}`;
    return (
      <section key={group.key} aria-labelledby={headingId} className={card} data-testid="signal-group" data-acted={group.acted ? 'true' : undefined}>
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-x-3 border-b border-line pb-2">
          <h2 id={headingId} className="text-lg font-semibold">
            {group.caseId ? (
              <Link href={`/cases/${group.caseId}`} className="text-brand-700 underline-offset-2 hover:underline">
                {group.caseNumber}
              </Link>
            ) : (
              t('organisationGroup', { name: group.organisationName ?? '—' })
            )}
          </h2>
          <p className="text-sm text-muted">
            {group.caseId
              ? [group.targetGroup ? tCases(`targetGroups.${group.targetGroup}`) : null, group.municipalityName].filter(Boolean).join(' · ')
              : t('organisationGroupNote')}
            {' · '}
            {t('groupCount', { count: group.count })}
          </p>
        </div>
        <div className="divide-y divide-line">
          {group.cards.map((subject) => (
            <SignalSubjectCardView key={subject.key} card={subject} editable={editable} returnTo={returnTo} />
          ))}
        </div>
      </section>
    );
  });
}
