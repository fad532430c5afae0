import { getFormatter, getTranslations } from 'next-intl/server';
import { PersonalDataRemovedNotice } from '@/components/retention/personal-data-removed';
import type { FullCase } from '@/lib/cases/get-case';
import type { CaseWork } from '@/lib/cases/load-case-detail';
import { caseCard } from './case-card';
import { EditCaseForm } from './case-forms';
import { CriteriaList } from './criteria-list';
import { DetailList } from './detail-list';

/** The person and the story of the case; a regisseur edits them here until the retention term removes them. */
export async function CaseSubjectSection({ value, work }: { value: FullCase; work: CaseWork | null }) {
  const [t, tCases, format] = await Promise.all([getTranslations('case'), getTranslations('cases'), getFormatter()]);
  // After the retention term the subject is gone: a notice takes the place of name, birth date and address.
  const removedAt = value.personalDataRemovedAt;
  const enteredBy = `${value.referrer.name} (${value.referrer.organisationName})`;
  // A referral taken on the phone names who referred; the user who entered it comes second.
  const by = value.referredBy;
  const contact = by ? [by.contactName, by.contactDetails].filter(Boolean).join(', ') : '';
  const referrerLine = by
    ? `${contact ? t('referredByContact', { organisation: by.organisationName, contact }) : by.organisationName} · ${t('enteredBy', { name: enteredBy })}`
    : enteredBy;
  return (
    <section className={caseCard} aria-labelledby="subject">
      <h2 id="subject" className="mb-3 text-lg font-semibold">{t('subject')}</h2>
      {removedAt ? <PersonalDataRemovedNotice at={removedAt} /> : null}
      <DetailList
        items={[
          ...(removedAt
            ? []
            : [
                { label: t('name'), value: value.subject.name },
                { label: t('birthDate'), value: format.dateTime(new Date(`${value.subject.birthDate}T12:00:00Z`), { dateStyle: 'long' }) },
                { label: t('address'), value: value.subject.address ?? t('none') },
              ]),
          { label: t('referrer'), value: referrerLine },
          { label: t('regisseur'), value: value.regisseur?.name ?? t('noRegisseur') },
          { label: t('caseLead'), value: value.caseLead?.name ?? t('none') },
          { label: t('reason'), value: value.reason },
          { label: t('goal'), value: value.goal },
          {
            label: t('criteria'),
            value: <CriteriaList criteria={value.criteria} />,
          },
          { label: t('involvedPartners'), value: value.involvedPartners ?? t('none') },
          ...(value.triageDecision
            ? [
                { label: t('triageDecision'), value: tCases(`decisions.${value.triageDecision}`) },
                { label: t('triageReason'), value: value.triageReason ?? t('none') },
              ]
            : []),
          ...(value.closureResult ? [{ label: t('closure'), value: value.closureResult }] : []),
        ]}
      />
      {work && !removedAt ? (
        <details className="mt-5 border-t border-line pt-4">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t('edit')}</summary>
          <div className="mt-4">
            <EditCaseForm
              value={{
                id: value.id,
                version: value.version,
                subject: value.subject,
                municipalityCode: value.municipalityCode,
                targetGroup: value.targetGroup,
                reason: value.reason,
                goal: value.goal,
                regisseurId: value.regisseur?.id ?? null,
              }}
              municipalities={work.municipalities.map((m) => ({ value: m.code, label: m.name }))}
              regisseurs={work.regisseurs.map((r) => ({ value: r.id, label: r.name }))}
            />
          </div>
        </details>
      ) : null}
    </section>
  );
}
