import { Badge } from '@/components/ui/badge';
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
      <Badge tone={TONE[status]}>{label}</Badge>
      {paused ? <Badge tone="bg-orange-50 text-orange-900 ring-orange-300">{paused}</Badge> : null}
    </span>
  );
}
