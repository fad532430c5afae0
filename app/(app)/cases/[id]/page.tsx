import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CaseFullView } from '@/components/cases/case-full-view';
import { CaseHeader } from '@/components/cases/case-header';
import { CasePseudonymisedView } from '@/components/cases/case-pseudonymised-view';
import { CaseReceiptView } from '@/components/cases/case-receipt-view';
import { requirePage } from '@/lib/access/pages';
import { authorize } from '@/lib/access/policy';
import { loadCaseDetail, type CaseDetail } from '@/lib/cases/load-case-detail';
import { getReferralMatching } from '@/lib/cases/referral-matches';
import { getHouse } from '@/lib/house/house';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Casus' };

type Params = Promise<{ id: string }>;
type Search = Promise<{ received?: string }>;

async function loadOr404(load: () => Promise<CaseDetail>) {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) notFound();
    throw error;
  }
}

/** One read (lib/cases/load-case-detail.ts), then the view the actor has of the case. */
export default async function CasePage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const actor = await requirePage('section.cases');
  const { id } = await params;
  const { received } = await searchParams;
  // The layout has read the house for this request already (getHouse is cached per request).
  const house = await getHouse();
  const detail = await loadOr404(() => loadCaseDetail(actor, id, { safetyRegionCode: house.safetyRegionCode }));
  // Person matching at triage, for regisseurs only; each lookup is audited (lib/cases/referral-matches.ts).
  const matching =
    authorize(actor, 'case.transition') === 'allow' && detail.view === 'full' && ['aangemeld', 'triage'].includes(detail.case.status)
      ? await getReferralMatching(actor, id)
      : null;
  return (
    <>
      <CaseHeader value={detail.case} received={Boolean(received)} />
      {detail.view === 'receipt' ? <CaseReceiptView value={detail.case} /> : null}
      {detail.view === 'pseudonymised' ? <CasePseudonymisedView detail={detail} /> : null}
      {detail.view === 'full' || detail.view === 'shared' ? <CaseFullView detail={detail} actor={actor} matching={matching} /> : null}
    </>
  );
}
