import type { Tx } from '@/db/types';
import { decide, isDenied, type CaseAction } from '@/lib/access/matrix';
import type { AgreementHistory, AgreementRow } from '@/lib/agreements/agreement-views';
import { caseAgreementsOf, historiesOf } from '@/lib/agreements/list-agreements';
import { accessLogRows } from '@/lib/audit/case-access-log';
import type { Actor } from '@/lib/actor';
import { listMunicipalities } from '@/lib/reference/municipalities';
import { caseRetentionOf, type CaseRetention } from '@/lib/retention/case-retention';
import { caseSignalsIn, type CaseSignals } from '@/lib/signals/list-signals';
import { listRegisseurs } from '@/lib/users/directory';
import { withCase, type CaseContext } from './access';
import { leadCandidatesOf } from './case-page';
import { readCase, type FullCase, type PseudonymisedCase, type ReceiptCase } from './get-case';
import { partnerCandidates, partnersOf, type CasePartnerView } from './partners';
import { todayInAmsterdam } from '@/lib/calendar/today';
import { loadTimeline, type TimelineItem } from './timeline';

/** What only those who may change the case get: the access log, the forms' choices, the retention term. */
export interface CaseWork {
  /** "Wie heeft deze casus ingezien": null for who may change the case but not read its log. */
  accessLog: Awaited<ReturnType<typeof accessLogRows>> | null;
  leadCandidates: Awaited<ReturnType<typeof leadCandidatesOf>>;
  organisations: Awaited<ReturnType<typeof partnerCandidates>>;
  municipalities: Awaited<ReturnType<typeof listMunicipalities>>;
  regisseurs: Awaited<ReturnType<typeof listRegisseurs>>;
  retention: CaseRetention | null;
}

interface Shown {
  partners: CasePartnerView[];
  agreements: AgreementRow[];
  signals: CaseSignals | null;
  /** The day in Amsterdam the agreements' overdue flags were computed for. */
  today: string;
}

/** Everything the case page shows, in the shape of the view the actor has of the case. */
export type CaseDetail =
  | { view: 'receipt'; case: ReceiptCase }
  | ({ view: 'pseudonymised'; case: PseudonymisedCase } & Shown)
  | ({
      view: 'full' | 'shared';
      case: FullCase;
      histories: Map<string, AgreementHistory>;
      timeline: TimelineItem[];
      /** Null for a reader who may not change the case. */
      work: CaseWork | null;
    } & Shown);

/**
 * The case page's data in one transaction: the case (its opening audited once), its partners, agreements
 * with their histories (two statements for all of them), timeline and signals, and for a regisseur the
 * forms' choices. Each part is decided by the access matrix for the actor's relation to the case, the same
 * decision the part's own function (listPartners, listCaseAgreements, …) takes. Hidden: 404 as getCase.
 */
export async function loadCaseDetail(
  actor: Actor,
  caseId: unknown,
  options: { now?: Date; safetyRegionCode?: string } = {},
): Promise<CaseDetail> {
  const today = todayInAmsterdam(options.now ?? new Date());
  return withCase(actor, caseId, 'case.view', async (tx, ctx) => {
    const seen = await readCase(tx, actor, ctx);
    if (seen.view === 'receipt') return { view: 'receipt', case: seen };
    const decision = (action: CaseAction) => decide(actor.role, action, ctx.relation);
    const may = (action: CaseAction) => !isDenied(decision(action));
    const partners = may('partner.list') ? await partnersOf(tx, ctx.ref.id, decision('partner.list')) : [];
    const agreements = may('agreement.list') ? await caseAgreementsOf(tx, ctx.ref.id, decision('agreement.list'), today) : [];
    const signals = await caseSignalsIn(tx, actor, ctx.ref.id);
    if (seen.view === 'pseudonymised') return { view: 'pseudonymised', case: seen, partners, agreements, signals, today };
    const histories = await historiesOf(tx, agreements.map((a) => a.id));
    const timeline = may('partner.list') ? await loadTimeline(tx, ctx.ref.id) : [];
    const work = may('case.update') ? await workOn(tx, ctx, may('case.audit'), options.safetyRegionCode) : null;
    return { view: seen.view, case: seen, partners, agreements, signals, today, histories, timeline, work };
  });
}

async function workOn(tx: Tx, { ref }: CaseContext, audits: boolean, safetyRegionCode: string | undefined): Promise<CaseWork> {
  return {
    accessLog: audits ? await accessLogRows(tx, [ref.id], 100) : null,
    leadCandidates: await leadCandidatesOf(tx, ref.id),
    organisations: await partnerCandidates(tx),
    municipalities: await listMunicipalities(tx, safetyRegionCode || undefined),
    regisseurs: await listRegisseurs(tx),
    retention: await caseRetentionOf(tx, ref),
  };
}
