import { getFormatter, getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/actor';
import { meetingInformation } from '@/lib/meetings/information';
import type { MeetingStatus } from '@/db/schema';
import { InformationForm } from './status-round-forms';
import { authorize } from '@/lib/access/policy';

/** "Informatie vooraf": per invited organisation whether its information came in; the regisseur records it. */
export async function InformationPanel({ actor, meetingId, status }: { actor: Actor; meetingId: string; status: MeetingStatus }) {
  if (status === 'concept' || status === 'geannuleerd' || status === 'afgerond') return null;
  const [t, format, invitees] = await Promise.all([getTranslations('meetings.cycle'), getFormatter(), meetingInformation(actor, meetingId)]);
  if (invitees.length === 0) return null;
  const editable = authorize(actor, 'meeting.manage', 'invited') === 'allow';
  return (
    <section className="rounded-lg border border-line bg-white p-5" aria-labelledby="information" data-testid="information-panel">
      <h2 id="information" className="text-lg font-semibold">{t('information.title')}</h2>
      <p className="mb-2 text-sm text-muted">{t('information.intro')}</p>
      <ul className="divide-y divide-line">
        {invitees.map((i) => (
          <li key={i.organisationId} className="py-2 text-sm">
            {editable ? (
              <details>
                <summary className="flex cursor-pointer flex-wrap justify-between gap-2">
                  <span className="font-medium">{i.organisationName}</span>
                  <span className={i.receivedAt ? 'text-ok' : 'text-muted'}>
                    {i.receivedAt ? t('information.receivedOn', { date: format.dateTime(i.receivedAt, { dateStyle: 'medium' }) }) : t('information.none')}
                  </span>
                </summary>
                <InformationForm
                  meetingId={meetingId}
                  organisationId={i.organisationId}
                  organisationName={i.organisationName}
                  received={Boolean(i.receivedAt)}
                  note={i.note ?? ''}
                />
              </details>
            ) : (
              <div className="flex flex-wrap justify-between gap-2">
                <span className="font-medium">{i.organisationName}</span>
                <span className={i.receivedAt ? 'text-ok' : 'text-muted'}>
                  {i.receivedAt ? t('information.receivedOn', { date: format.dateTime(i.receivedAt, { dateStyle: 'medium' }) }) : t('information.none')}
                </span>
              </div>
            )}
            {i.receivedAt && i.note ? <p className="mt-1 text-xs text-muted">{i.note}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
