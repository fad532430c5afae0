import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CaseAgreements } from '@/components/agreements/case-agreements';
import { AccessLogPanel } from '@/components/cases/access-log-panel';
import { AddPartnerForm, CaseLeadForm, EditCaseForm, EndPartnerForm, TransitionForm } from '@/components/cases/case-forms';
import { DetailList } from '@/components/cases/detail-list';
import { StatusBadge } from '@/components/cases/status-badge';
import { TimelineList } from '@/components/cases/timeline-list';
import { PersonalDataRemovedNotice } from '@/components/retention/personal-data-removed';
import { RetentionPanel } from '@/components/retention/retention-panel';
import { CaseSignals } from '@/components/signals/case-signals';
import { SubjectAccessLink } from '@/components/subject-access/subject-access-link';
import { getDb } from '@/db/client';
import { rolesFor } from '@/lib/access/navigation';
import { agreementHistory, listCaseAgreements } from '@/lib/agreements/list-agreements';
import { caseAccessLog } from '@/lib/cases/access-log';
import { requireActor } from '@/lib/auth/actor';
import { caseLeadCandidates, getTimeline } from '@/lib/cases/case-page';
import { isEnded } from '@/lib/cases/access';
import { getCase, type CaseView } from '@/lib/cases/get-case';
import { allowedActions } from '@/lib/cases/lifecycle';
import { todayInAmsterdam } from '@/lib/calendar/today';
import { listPartners, partnerCandidates } from '@/lib/cases/partners';
import { getHouse } from '@/lib/house/house';
import { AppError } from '@/lib/errors';
import { listMunicipalities } from '@/lib/reference/municipalities';
import { getCaseRetention } from '@/lib/retention/case-retention';
import { listRegisseurs } from '@/lib/users/directory';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Casus' };

type Params = Promise<{ id: string }>;
type Search = Promise<{ received?: string }>;

async function loadOr404(load: () => Promise<CaseView>) {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) notFound();
    throw error;
  }
}

const card = 'rounded-lg border border-line bg-white p-5';

export default async function CasePage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const actor = await requireActor(rolesFor('cases'));
  const { id } = await params;
  const { received } = await searchParams;
  const view = await loadOr404(() => getCase(actor, id));
  const [t, tCases, format] = await Promise.all([getTranslations('case'), getTranslations('cases'), getFormatter()]);
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium' }) : t('none'));
  const yesNo = (b: boolean) => (b ? t('yes') : t('no'));
  const isRegisseur = actor.role === 'regisseur';
  // An ended case takes no new work: the forms for it are not offered (lib/cases/access.ts refuses it too).
  const takesWork = isRegisseur && !isEnded(view.status);

  const header = (
    <div className="mb-6">
      <Link href="/cases" className="text-sm font-medium text-brand-700 underline">{t('back')}</Link>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{view.number}</h1>
        <StatusBadge
          status={view.status}
          label={tCases(`statuses.${view.status}`)}
          paused={'pauseReason' in view && view.pauseReason ? `${tCases('paused')}: ${tCases(`pauseReasons.${view.pauseReason}`)}` : null}
        />
      </div>
      <p className="mt-1 text-muted">
        {tCases(`targetGroups.${view.targetGroup}`)} · {view.municipalityName}
      </p>
      {received ? (
        <p role="status" className="mt-4 rounded border border-ok bg-emerald-50 px-3 py-2 text-sm text-ok">
          {t('received', { number: view.number })}
        </p>
      ) : null}
    </div>
  );

  if (view.view === 'receipt') {
    return (
      <>
        {header}
        <section className={card} aria-labelledby="receipt">
          <h2 id="receipt" className="mb-1 text-lg font-semibold">{t('receiptTitle')}</h2>
          <p className="mb-4 text-sm text-muted">{t('receiptNote')}</p>
          <DetailList
            items={[
              { label: t('created'), value: date(view.createdAt) },
              { label: t('triageDecision'), value: view.triageDecision ? tCases(`decisions.${view.triageDecision}`) : t('awaitingTriage') },
              { label: t('triagedAt'), value: date(view.triagedAt) },
              { label: t('triageReason'), value: view.triageReason ?? t('none') },
            ]}
          />
        </section>
      </>
    );
  }

  const [partners, agreements] = await Promise.all([listPartners(actor, id), listCaseAgreements(actor, id)]);
  const today = todayInAmsterdam();
  const partnerList = (
    <section className={card} aria-labelledby="partners">
      <h2 id="partners" className="mb-3 text-lg font-semibold">{t('partners')}</h2>
      {partners.length === 0 ? <p className="text-sm text-muted">{t('partnersEmpty')}</p> : null}
      <ul className="divide-y divide-line" data-testid="partners">
        {partners.map((p) => (
          <li key={p.id} className={`py-2 text-sm ${p.endedAt ? 'text-muted' : ''}`}>
            <span className="font-medium">{p.organisationName}</span>{' '}
            <span className="text-xs text-muted">
              {p.endedAt ? t('ended', { date: date(p.endedAt) }) : t('since', { date: date(p.addedAt) })}
            </span>
            {p.reason ? <span className="block text-xs text-muted">{p.reason}</span> : null}
            {isRegisseur && !p.endedAt ? <EndPartnerForm caseId={view.id} partnerId={p.id} organisation={p.organisationName} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );

  if (view.view === 'pseudonymised') {
    return (
      <>
        {header}
        <p className="mb-6 rounded border border-line bg-brand-50 px-3 py-2 text-sm">{t('pseudonymised')}</p>
        <div className="grid gap-6 lg:grid-cols-2">
          <section className={card}>
            <DetailList
              items={[
                { label: t('created'), value: date(view.createdAt) },
                { label: t('triageDecision'), value: view.triageDecision ? tCases(`decisions.${view.triageDecision}`) : t('none') },
                { label: t('triagedAt'), value: date(view.triagedAt) },
                { label: tCases('updated'), value: date(view.updatedAt) },
              ]}
            />
          </section>
          {partnerList}
        </div>
        <div className="mt-6">
          <CaseAgreements caseId={view.id} items={agreements} today={today} pseudonymised />
        </div>
        <div className="mt-6">
          <CaseSignals actor={actor} caseId={view.id} />
        </div>
      </>
    );
  }

  const db = await getDb();
  const house = await getHouse();
  const [timeline, accessLog, leadCandidates, organisations, municipalities, regisseurs, histories, retention] = await Promise.all([
    getTimeline(actor, id),
    isRegisseur ? caseAccessLog(actor, id) : null,
    isRegisseur ? caseLeadCandidates(actor, id) : null,
    isRegisseur ? partnerCandidates(db) : null,
    isRegisseur ? listMunicipalities(db, house.safetyRegionCode || undefined) : null,
    isRegisseur ? listRegisseurs(db) : null,
    Promise.all(agreements.map(async (a) => [a.id, await agreementHistory(actor, a.id)] as const)),
    isRegisseur ? getCaseRetention(actor, id) : null,
  ]);
  // After the retention term the subject is gone: a notice takes the place of name, birth date and address.
  const removedAt = view.personalDataRemovedAt;
  const convened = new Set(partners.filter((p) => !p.endedAt).map((p) => p.organisationId));
  // The history as the client components get it (dates as strings).
  const agreementHistories = new Map(
    histories.map(([agreementId, h]) => [agreementId, JSON.parse(JSON.stringify({ items: h.actions, dueChanges: h.dueChanges }))]),
  );
  const actions = allowedActions({ status: view.status, pauseReason: view.pauseReason });

  return (
    <>
      {header}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section className={card} aria-labelledby="subject">
            <h2 id="subject" className="mb-3 text-lg font-semibold">{t('subject')}</h2>
            {removedAt ? <PersonalDataRemovedNotice at={removedAt} /> : null}
            <DetailList
              items={[
                ...(removedAt
                  ? []
                  : [
                      { label: t('name'), value: view.subject.name },
                      { label: t('birthDate'), value: format.dateTime(new Date(`${view.subject.birthDate}T12:00:00Z`), { dateStyle: 'long' }) },
                      { label: t('address'), value: view.subject.address ?? t('none') },
                    ]),
                { label: t('referrer'), value: `${view.referrer.name} (${view.referrer.organisationName})` },
                { label: t('regisseur'), value: view.regisseur?.name ?? t('noRegisseur') },
                { label: t('caseLead'), value: view.caseLead?.name ?? t('none') },
                { label: t('reason'), value: view.reason },
                { label: t('goal'), value: view.goal },
                {
                  label: t('criteria'),
                  value: [
                    `1. ${yesNo(view.criteria.multiDomain)}`,
                    `2. ${yesNo(view.criteria.multiChain)}`,
                    `3. ${yesNo(view.criteria.household)}`,
                    `4. ${yesNo(view.criteria.localSafety)}`,
                  ].join(' · '),
                },
                { label: t('involvedPartners'), value: view.involvedPartners ?? t('none') },
                ...(view.triageDecision
                  ? [
                      { label: t('triageDecision'), value: tCases(`decisions.${view.triageDecision}`) },
                      { label: t('triageReason'), value: view.triageReason ?? t('none') },
                    ]
                  : []),
                ...(view.closureResult ? [{ label: t('closure'), value: view.closureResult }] : []),
              ]}
            />
            {isRegisseur && municipalities && regisseurs && !removedAt ? (
              <details className="mt-5 border-t border-line pt-4">
                <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t('edit')}</summary>
                <div className="mt-4">
                  <EditCaseForm
                    value={{
                      id: view.id,
                      version: view.version,
                      subject: view.subject,
                      municipalityCode: view.municipalityCode,
                      targetGroup: view.targetGroup,
                      reason: view.reason,
                      goal: view.goal,
                      regisseurId: view.regisseur?.id ?? null,
                    }}
                    municipalities={municipalities.map((m) => ({ value: m.code, label: m.name }))}
                    regisseurs={regisseurs.map((r) => ({ value: r.id, label: r.name }))}
                  />
                </div>
              </details>
            ) : null}
          </section>
          <CaseAgreements
            caseId={view.id}
            items={agreements}
            histories={agreementHistories}
            today={today}
            editable={isRegisseur}
            ownOrganisationId={actor.role === 'professional' ? actor.organisationId : undefined}
            create={
              takesWork && leadCandidates
                ? {
                    organisations: partners.filter((p) => !p.endedAt).map((p) => ({ value: p.organisationId, label: p.organisationName })),
                    professionals: leadCandidates.map((c) => ({ value: c.id, label: c.name, organisationId: c.organisationId })),
                  }
                : undefined
            }
          />
          <CaseSignals actor={actor} caseId={view.id} />
          <section className={card} aria-labelledby="timeline">
            <h2 id="timeline" className="mb-4 text-lg font-semibold">{t('timeline')}</h2>
            <TimelineList items={timeline} />
          </section>
          {accessLog ? <AccessLogPanel entries={accessLog} /> : null}
        </div>
        <div className="space-y-6">
          {isRegisseur ? (
            <section className={card} aria-labelledby="lifecycle">
              <h2 id="lifecycle" className="mb-2 text-lg font-semibold">{t('lifecycle')}</h2>
              {actions.length === 0 ? <p className="text-sm text-muted">{t('noActions')}</p> : null}
              <div className="divide-y divide-line">
                {actions.map((action) => (
                  <details key={action} className="py-2" open={actions.length === 1}>
                    <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t(`actions.${action}`)}</summary>
                    <div className="mt-2">
                      <TransitionForm caseId={view.id} version={view.version} action={action} />
                    </div>
                  </details>
                ))}
              </div>
            </section>
          ) : null}
          {retention ? <RetentionPanel caseId={view.id} retention={retention} /> : null}
          {isRegisseur ? <SubjectAccessLink caseId={view.id} /> : null}
          {partnerList}
          {takesWork && organisations ? (
            <section className={card} aria-labelledby="add-partner">
              <h2 id="add-partner" className="mb-2 text-lg font-semibold">{t('addPartner')}</h2>
              <AddPartnerForm
                caseId={view.id}
                organisations={organisations.filter((o) => !convened.has(o.id)).map((o) => ({ value: o.id, label: o.name }))}
              />
            </section>
          ) : null}
          {takesWork && leadCandidates && leadCandidates.length > 0 ? (
            <section className={card}>
              <CaseLeadForm
                caseId={view.id}
                version={view.version}
                current={view.caseLead?.id ?? null}
                candidates={leadCandidates.map((c) => ({ value: c.id, label: c.name }))}
              />
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
