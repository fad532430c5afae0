import { getFormatter, getTranslations } from 'next-intl/server';
import type { LiveAgreement } from '@/lib/live/live-state';
import { ConfirmAgreement } from './confirm-agreement';
import { isOpenAgreement } from '@/lib/agreements/statuses';

/**
 * The agreements made in one agenda item with the owner's confirmation: the regisseur sees each answer appear,
 * the owning partner answers its own ("Afspraken voor jouw organisatie"). The list passed in holds only what the
 * reader may see (lib/live/live-state.ts).
 */
export async function ItemAgreements({ meetingId, agreements, canConfirm }: { meetingId: string; agreements: LiveAgreement[]; canConfirm: boolean }) {
  if (agreements.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations('meetings.live'), getFormatter()]);
  const mine = agreements.some((a) => a.mine);
  return (
    <section aria-label={mine ? t('yourAgreements') : t('itemAgreements')} data-testid="item-agreements">
      <h4 className="text-sm font-semibold">{mine ? t('yourAgreements') : t('itemAgreements')}</h4>
      <ul className="mt-1 space-y-2">
        {agreements.map((a) => (
          <li key={a.id} className="rounded border border-line px-3 py-2 text-sm" data-testid="live-agreement">
            <p className="font-medium">{a.description}</p>
            <p className="text-xs text-muted">
              {a.ownerOrganisationName} · {t('due', { date: format.dateTime(new Date(`${a.dueDate}T12:00:00Z`), { dateStyle: 'medium' }) })}
            </p>
            <p className="mt-1" data-testid="confirmation">
              {a.confirmation?.response === 'akkoord' ? (
                <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-ok">✓ {t('confirmed', { organisation: a.ownerOrganisationName })}</span>
              ) : a.confirmation?.response === 'vraag' ? (
                <span className="block rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900">
                  <strong>{t('questionFrom', { organisation: a.ownerOrganisationName })}</strong> {a.confirmation.question}
                </span>
              ) : (
                <span className="text-xs text-muted">{t('unconfirmed')}</span>
              )}
            </p>
            {a.mine && canConfirm && isOpenAgreement(a.status) ? (
              <ConfirmAgreement meetingId={meetingId} agreementId={a.id} response={a.confirmation?.response ?? null} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
