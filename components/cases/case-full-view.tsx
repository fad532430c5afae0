import { getTranslations } from 'next-intl/server';
import { CaseAgreements } from '@/components/agreements/case-agreements';
import type { HistoryResponse } from '@/components/agreements/types';
import { RetentionPanel } from '@/components/retention/retention-panel';
import { CaseSignals } from '@/components/signals/case-signals';
import { SubjectAccessLink } from '@/components/subject-access/subject-access-link';
import type { Actor } from '@/lib/actor';
import { isEndedCase } from '@/lib/cases/statuses';
import type { CaseDetail } from '@/lib/cases/load-case-detail';
import type { ReferralMatching } from '@/lib/cases/referral-matches';
import { AccessLogPanel } from './access-log-panel';
import { caseCard } from './case-card';
import { AddPartnerForm, CaseLeadForm } from './case-forms';
import { CaseContactForm } from './case-contact-form';
import { CaseLifecyclePanel } from './case-lifecycle-panel';
import { CasePartnerList } from './case-partner-list';
import { CaseSubjectSection } from './case-subject-section';
import { ReferralMatchingPanel } from './referral-matching-panel';
import { TimelineList } from './timeline-list';

type History = Pick<HistoryResponse, 'items' | 'dueChanges'>;

/** The case as a regisseur (full) or a convened partner (shared) sees it, with the work a regisseur does on it. */
export async function CaseFullView({
  detail,
  actor,
  matching = null,
}: {
  detail: Extract<CaseDetail, { view: 'full' | 'shared' }>;
  actor: Actor;
  /** The person matching at triage: regisseurs only. */
  matching?: ReferralMatching | null;
}) {
  const t = await getTranslations('case');
  const { case: value, partners, work } = detail;
  // An ended case takes no new work: the forms for it are not offered (lib/cases/access.ts refuses it too).
  const newWork = isEndedCase(value.status) ? null : work;
  const convened = new Set(partners.filter((p) => !p.endedAt).map((p) => p.organisationId));
  // The history as the client components get it (dates as strings).
  const histories = new Map(
    [...detail.histories].map(([id, h]) => [id, JSON.parse(JSON.stringify({ items: h.actions, dueChanges: h.dueChanges })) as History]),
  );
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        {/* At triage the first question is whether the person is known: first on a phone too. */}
        {work && matching ? <ReferralMatchingPanel caseId={value.id} version={value.version} matching={matching} /> : null}
        <CaseSubjectSection value={value} work={work} />
        <CaseAgreements
          caseId={value.id}
          items={detail.agreements}
          histories={histories}
          today={detail.today}
          editable={work !== null}
          ownOrganisationId={actor.role === 'professional' ? actor.organisationId : undefined}
          create={
            newWork
              ? {
                  organisations: partners.filter((p) => !p.endedAt).map((p) => ({ value: p.organisationId, label: p.organisationName })),
                  professionals: newWork.leadCandidates.map((c) => ({ value: c.id, label: c.name, organisationId: c.organisationId })),
                }
              : undefined
          }
        />
        <CaseSignals caseId={value.id} data={detail.signals} editable={work !== null} />
        <section className={caseCard} aria-labelledby="timeline">
          <h2 id="timeline" className="mb-4 text-lg font-semibold">{t('timeline')}</h2>
          {work ? (
            <details className="mb-4 border-b border-line pb-4">
              <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t('journal.title')}</summary>
              <div className="mt-3">
                <CaseContactForm caseId={value.id} today={detail.today} />
              </div>
            </details>
          ) : null}
          <TimelineList items={detail.timeline} />
        </section>
        {work?.accessLog ? <AccessLogPanel entries={work.accessLog} /> : null}
      </div>
      <div className="space-y-6">
        {work ? <CaseLifecyclePanel value={value} /> : null}
        {work?.retention ? <RetentionPanel caseId={value.id} retention={work.retention} /> : null}
        {work ? <SubjectAccessLink caseId={value.id} /> : null}
        <CasePartnerList caseId={value.id} partners={partners} editable={work !== null} />
        {newWork ? (
          <section className={caseCard} aria-labelledby="add-partner">
            <h2 id="add-partner" className="mb-2 text-lg font-semibold">{t('addPartner')}</h2>
            <AddPartnerForm
              caseId={value.id}
              organisations={newWork.organisations.filter((o) => !convened.has(o.id)).map((o) => ({ value: o.id, label: o.name }))}
            />
          </section>
        ) : null}
        {newWork && newWork.leadCandidates.length > 0 ? (
          <section className={caseCard}>
            <CaseLeadForm
              caseId={value.id}
              version={value.version}
              current={value.caseLead?.id ?? null}
              candidates={newWork.leadCandidates.map((c) => ({ value: c.id, label: c.name }))}
            />
          </section>
        ) : null}
      </div>
    </div>
  );
}
