'use client';

import { createReferralAction } from '@/app/(app)/cases/actions';
import { ActionForm } from '@/components/forms/action-form';
import { SelectField, TextArea, TextField, YesNoField } from '@/components/forms/fields';

type Option = { value: string; label: string };

export interface ReferralFormLabels {
  subjectSection: string; name: string; birthDate: string; address: string; addressHint: string; municipality: string;
  chooseMunicipality: string; caseSection: string; targetGroup: string; chooseTargetGroup: string; reason: string; goal: string;
  involvedPartners: string; involvedHint: string; criteriaSection: string; criteriaIntro: string; yes: string; no: string;
  submit: string; submitting: string; errorTitle: string;
  criteria: { multiDomain: string; multiChain: string; household: string; localSafety: string };
}

/** Who referred: asked of a regisseur, who takes referrals on the phone (a professional refers herself). */
export interface ReferrerFields {
  organisations: Option[];
  labels: {
    section: string; intro: string; organisation: string; chooseOrganisation: string; otherOrganisation: string; otherHint: string;
    contactName: string; contactDetails: string;
  };
}

export function ReferralForm({ labels, municipalities, targetGroups, today, referrer }: { labels: ReferralFormLabels; municipalities: Option[]; targetGroups: Option[]; today: string; referrer?: ReferrerFields }) {
  const section = 'rounded-lg border border-line bg-white p-5';
  const heading = 'mb-3 text-base font-semibold';
  return (
    <ActionForm action={createReferralAction} submitLabel={labels.submit} pendingLabel={labels.submitting} errorTitle={labels.errorTitle} className="space-y-6">
      {referrer ? (
        <fieldset className={section}>
          <legend className={heading}>{referrer.labels.section}</legend>
          <p className="mb-4 text-sm text-muted">{referrer.labels.intro}</p>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField name="referrer.organisationId" label={referrer.labels.organisation} options={referrer.organisations} placeholder={referrer.labels.chooseOrganisation} />
            <TextField name="referrer.organisationName" label={referrer.labels.otherOrganisation} hint={referrer.labels.otherHint} />
            <TextField name="referrer.contactName" label={referrer.labels.contactName} />
            <TextField name="referrer.contactDetails" label={referrer.labels.contactDetails} />
          </div>
        </fieldset>
      ) : null}
      <fieldset className={section}>
        <legend className={heading}>{labels.subjectSection}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="subject.name" label={labels.name} required />
          <TextField name="subject.birthDate" label={labels.birthDate} type="date" max={today} required />
          <TextField name="subject.address" label={labels.address} hint={labels.addressHint} />
          <SelectField name="municipalityCode" label={labels.municipality} options={municipalities} placeholder={labels.chooseMunicipality} required />
        </div>
      </fieldset>
      <fieldset className={section}>
        <legend className={heading}>{labels.caseSection}</legend>
        <div className="grid gap-4">
          <SelectField name="targetGroup" label={labels.targetGroup} options={targetGroups} placeholder={labels.chooseTargetGroup} required />
          <TextArea name="reason" label={labels.reason} rows={4} required />
          <TextArea name="goal" label={labels.goal} rows={3} required />
          <TextArea name="involvedPartners" label={labels.involvedPartners} hint={labels.involvedHint} rows={2} />
        </div>
      </fieldset>
      <fieldset className={section}>
        <legend className={heading}>{labels.criteriaSection}</legend>
        <p className="mb-4 text-sm text-muted">{labels.criteriaIntro}</p>
        <div className="grid gap-4">
          {(['multiDomain', 'multiChain', 'household', 'localSafety'] as const).map((key) => (
            <YesNoField key={key} name={`criteria.${key}`} label={labels.criteria[key]} yes={labels.yes} no={labels.no} required />
          ))}
        </div>
      </fieldset>
    </ActionForm>
  );
}
