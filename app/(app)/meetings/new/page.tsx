import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CreateMeetingForm } from '@/components/meetings/create-meeting-form';
import { PageTitle } from '@/components/page-title';
import { requirePage } from '@/lib/access/pages';
import { partnerChoices, regisseurChoices } from '@/lib/choices/form-choices';
import { MEETING_KINDS } from '@/lib/meetings/schemas';
import { MEETING_RECURRENCES } from '@/lib/meetings/choices';
import { proposeCases, type ProposalReason } from '@/lib/meetings/proposals';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meetings'))('new') };
}

export default async function NewMeetingPage() {
  const actor = await requirePage('meeting.create');
  const [t, format, proposals, regisseurs, organisations] = await Promise.all([
    getTranslations('meetings'),
    getFormatter(),
    proposeCases(actor),
    regisseurChoices(),
    partnerChoices(),
  ]);
  const reason = (r: ProposalReason) => {
    switch (r.kind) {
      case 'triaged':
        return t('reasons.triaged', { date: format.dateTime(r.at, { dateStyle: 'medium' }) });
      case 'overdue':
        return t('reasons.overdue', { count: r.count });
      case 'blocked':
        return t('reasons.blocked', { count: r.count });
      case 'review':
        return r.lastDiscussedAt
          ? t('reasons.review', { date: format.dateTime(r.lastDiscussedAt, { dateStyle: 'medium' }) })
          : t('reasons.neverDiscussed');
    }
  };
  return (
    <div className="max-w-4xl">
      <Link href="/meetings" className="text-sm font-medium text-brand-700 underline">{t('back')}</Link>
      <div className="mt-2">
        <PageTitle description={t('form.intro')}>{t('new')}</PageTitle>
      </div>
      <CreateMeetingForm
        chairUserId={actor.userId}
        regisseurs={regisseurs.map((r) => ({ value: r.id, label: r.name }))}
        organisations={organisations.map((o) => ({ value: o.id, label: o.name }))}
        proposals={proposals.map((p) => ({ value: p.caseId, label: `${p.number} · ${p.subjectName}`, detail: p.reasons.map(reason).join(' · ') }))}
        kinds={MEETING_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        recurrences={MEETING_RECURRENCES.map((r) => ({ value: r, label: t(`recurrences.${r}`) }))}
      />
    </div>
  );
}
