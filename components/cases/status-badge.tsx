import type { CaseStatus } from '@/db/schema';

const TONE: Record<CaseStatus, string> = {
  aangemeld: 'bg-amber-50 text-amber-900 ring-amber-300',
  triage: 'bg-violet-50 text-violet-900 ring-violet-300',
  actief: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
  monitoring: 'bg-sky-50 text-sky-900 ring-sky-300',
  afgesloten: 'bg-slate-100 text-slate-800 ring-slate-300',
  afgewezen: 'bg-rose-50 text-rose-900 ring-rose-300',
};

export function StatusBadge({ status, label, paused }: { status: CaseStatus; label: string; paused?: string | null }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${TONE[status]}`}>
        {label}
      </span>
      {paused ? (
        <span className="inline-block rounded-full bg-orange-50 px-2 py-0.5 text-xs font-semibold text-orange-900 ring-1 ring-inset ring-orange-300">
          {paused}
        </span>
      ) : null}
    </span>
  );
}
