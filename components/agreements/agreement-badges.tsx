import type { AgreementStatus } from '@/db/schema';
import { badgeClass } from '@/components/ui/badge';

const TONE: Record<AgreementStatus, string> = {
  open: 'bg-sky-50 text-sky-900 ring-sky-300',
  in_uitvoering: 'bg-violet-50 text-violet-900 ring-violet-300',
  gereed: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
  niet_nagekomen: 'bg-rose-50 text-rose-900 ring-rose-300',
  vervallen: 'bg-slate-100 text-slate-800 ring-slate-300',
};

const pill = badgeClass;

export function AgreementStatusBadge({ status, label }: { status: AgreementStatus; label: string }) {
  return (
    <span className={`${pill} ${TONE[status]}`} data-testid="agreement-status">
      {label}
    </span>
  );
}

/** "5 dagen te laat": red, and readable without the colour. */
export function OverdueBadge({ label }: { label: string }) {
  return (
    <span className={`${pill} bg-danger-50 text-danger ring-red-300`} data-testid="agreement-overdue">
      <span aria-hidden="true">⚠ </span>
      {label}
    </span>
  );
}

export function BlockedBadge({ label }: { label: string }) {
  return <span className={`${pill} bg-amber-50 text-amber-900 ring-amber-300`}>{label}</span>;
}
