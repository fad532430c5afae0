'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { confirmAgreementAction } from '@/app/(app)/meetings/[id]/live-actions';

/**
 * The owning partner's answer to an agreement made for it: akkoord, or a short question back. Exported on its
 * own so the afsprakencheck can place it next to an agreement too.
 */
export function ConfirmAgreement({ meetingId, agreementId, response }: { meetingId: string; agreementId: string; response: 'akkoord' | 'vraag' | null }) {
  const t = useTranslations('meetings.live.confirm');
  const [state, formAction, pending] = useActionState(confirmAgreementAction, null);
  const [asking, setAsking] = useState(false);
  const error = state && !state.ok ? state : null;
  return (
    <div className="mt-2">
      {error ? (
        <p role="alert" className="mb-2 text-sm text-danger">
          {error.message} {error.fieldErrors?.question?.join(' ')}
        </p>
      ) : null}
      <div className="flex flex-wrap items-start gap-2">
        {response !== 'akkoord' ? (
          <form action={formAction}>
            <input type="hidden" name="meetingId" value={meetingId} />
            <input type="hidden" name="agreementId" value={agreementId} />
            <input type="hidden" name="response" value="akkoord" />
            <button type="submit" disabled={pending} className="rounded bg-ok px-3 py-1.5 text-sm font-semibold text-white hover:opacity-90 disabled:opacity-60">
              {t('akkoord')}
            </button>
          </form>
        ) : null}
        {!asking ? (
          <button
            type="button"
            onClick={() => setAsking(true)}
            className="rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50"
          >
            {t('ask')}
          </button>
        ) : (
          <form action={formAction} className="w-full space-y-2">
            <input type="hidden" name="meetingId" value={meetingId} />
            <input type="hidden" name="agreementId" value={agreementId} />
            <input type="hidden" name="response" value="vraag" />
            <label className="block text-sm font-medium" htmlFor={`question-${agreementId}`}>
              {t('question')}
            </label>
            <textarea
              id={`question-${agreementId}`}
              name="question"
              rows={2}
              maxLength={500}
              required
              className="w-full rounded border border-line px-2 py-1 text-sm"
            />
            <div className="flex gap-2">
              <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
                {t('send')}
              </button>
              <button type="button" onClick={() => setAsking(false)} className="px-3 py-1.5 text-sm text-muted underline">
                {t('cancel')}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
