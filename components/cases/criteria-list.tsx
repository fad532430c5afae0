import { getTranslations } from 'next-intl/server';

export interface CriteriaAnswers {
  multiDomain: boolean;
  multiChain: boolean;
  household: boolean;
  localSafety: boolean;
}

const KEYS = ['multiDomain', 'multiChain', 'household', 'localSafety'] as const;

/** The intake criteria as the referral asked them, each with its answer: "1. Ja" alone says nothing to a reader. */
export async function CriteriaList({ criteria }: { criteria: CriteriaAnswers }) {
  const [t, tCase] = await Promise.all([getTranslations('referral'), getTranslations('case')]);
  return (
    <ul className="space-y-1" data-testid="criteria">
      {KEYS.map((key) => (
        <li key={key}>
          {t(`criteria.${key}`)}: <span className="font-semibold">{criteria[key] ? tCase('yes') : tCase('no')}</span>
        </li>
      ))}
    </ul>
  );
}
