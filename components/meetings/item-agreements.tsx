import { getTranslations } from 'next-intl/server';
import { todayInAmsterdam } from '@/lib/calendar/today';
import type { AgendaEntry } from '@/lib/meetings/get-meeting';
import { AgreementCheck } from './agreement-check';
import { CreateItemAgreementForm, type OwnerChoices } from './item-agreement-forms';

/**
 * A case item of the running meeting, for the regisseur: the afsprakencheck with its changes and closes,
 * and "Afspraak maken", all without leaving the meeting.
 */
export async function ItemAgreements({ meetingId, item, choices }: { meetingId: string; item: AgendaEntry; choices: OwnerChoices }) {
  const t = await getTranslations('meetings');
  const caseId = item.caseId!;
  return (
    <div className="space-y-4">
      <AgreementCheck agreements={item.openAgreements ?? []} manage={{ meetingId, caseId, choices }} />
      <details className="rounded-md border border-line bg-canvas" data-testid="item-agreement-form">
        <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50">
          <span aria-hidden="true">+ </span>
          {t('check.create')}
          <span className="sr-only"> ({t('itemLabel', { position: item.position })})</span>
        </summary>
        <div className="border-t border-line p-2 sm:p-3">
          {choices.organisations.length === 0 ? (
            <p className="text-sm text-muted">{t('check.noPartners')}</p>
          ) : (
            <CreateItemAgreementForm caseId={caseId} meetingId={meetingId} agendaItemId={item.id} choices={choices} today={todayInAmsterdam()} />
          )}
        </div>
      </details>
    </div>
  );
}
