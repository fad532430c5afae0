'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { MinutesText, SavedItem } from './minutes-api';

const box = 'whitespace-pre-wrap rounded border border-line bg-canvas px-3 py-2 text-sm';
const choice = 'rounded border border-brand-700 bg-white px-2 py-1 text-xs font-semibold text-brand-700 hover:bg-brand-50';
const control = 'mt-1 block w-full rounded border border-[#8a96a6] bg-white px-3 py-2 text-sm shadow-sm';

const both = (theirs: string, mine: string) => (theirs && mine && theirs !== mine ? `${theirs}\n\n${mine}` : mine || theirs);

/**
 * Another note-taker saved this item while this author was typing: both texts side by side, per field,
 * and what stays (both, by default: nothing is dropped unless the author chooses so), saved against the
 * version just read.
 */
export function MergeView({ theirs, mine, pending, onSave }: { theirs: SavedItem; mine: MinutesText; pending: boolean; onSave(merged: MinutesText): void }) {
  const t = useTranslations('minuteDrafts');
  const tm = useTranslations('meetings');
  const [merged, setMerged] = useState<MinutesText>({ minutes: both(theirs.minutes, mine.minutes), outcome: both(theirs.outcome, mine.outcome) });
  const fields = [
    { key: 'minutes' as const, label: tm('record.minutes') },
    { key: 'outcome' as const, label: tm('record.outcome') },
  ];
  return (
    <section aria-labelledby="merge-title" className="space-y-4 rounded-lg border-2 border-brand-600 bg-white p-4" data-testid="merge-view">
      <div>
        <h4 id="merge-title" className="text-base font-semibold">
          {t('mergeTitle')}
        </h4>
        <p className="text-sm text-muted">{t('mergeIntro')}</p>
      </div>
      {fields.map(({ key, label }) => (
        <fieldset key={key} className="space-y-2">
          <legend className="text-sm font-semibold">{label}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <p className="text-xs font-medium text-muted">{t('theirs')}</p>
              <div className={box} data-testid={`theirs-${key}`}>
                {theirs[key] || <span className="text-muted">{t('empty')}</span>}
              </div>
            </div>
            <div>
              <p className="text-xs font-medium text-muted">{t('mine')}</p>
              <div className={box} data-testid={`mine-${key}`}>
                {mine[key] || <span className="text-muted">{t('empty')}</span>}
              </div>
            </div>
          </div>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={choice} onClick={() => setMerged((m) => ({ ...m, [key]: theirs[key] }))}>
              {t('useTheirs')}
            </button>
            <button type="button" className={choice} onClick={() => setMerged((m) => ({ ...m, [key]: mine[key] }))}>
              {t('useMine')}
            </button>
            <button type="button" className={choice} onClick={() => setMerged((m) => ({ ...m, [key]: both(theirs[key], mine[key]) }))}>
              {t('useBoth')}
            </button>
          </div>
          <label className="block text-sm font-medium">
            {t('result', { field: label })}
            <textarea
              rows={key === 'minutes' ? 6 : 3}
              value={merged[key]}
              onChange={(e) => setMerged((m) => ({ ...m, [key]: e.target.value }))}
              className={control}
            />
          </label>
        </fieldset>
      ))}
      <button
        type="button"
        disabled={pending}
        onClick={() => onSave(merged)}
        className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {t('saveMerged')}
      </button>
    </section>
  );
}
