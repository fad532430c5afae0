import { Badge } from '@/components/ui/badge';
import type { MeetingStatus } from '@/db/schema';

const TONE: Record<MeetingStatus, string> = {
  concept: 'bg-slate-100 text-slate-800 ring-slate-300',
  gepland: 'bg-sky-50 text-sky-900 ring-sky-300',
  bezig: 'bg-amber-50 text-amber-900 ring-amber-300',
  afgerond: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
  geannuleerd: 'bg-rose-50 text-rose-900 ring-rose-300',
};

export function MeetingStatusBadge({ status, label }: { status: MeetingStatus; label: string }) {
  return (
    <Badge tone={TONE[status]} className="print:ring-0">
      {label}
    </Badge>
  );
}

const ITEM_TONE = {
  open: 'bg-white text-slate-700 ring-slate-300',
  besproken: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
  doorgeschoven: 'bg-violet-50 text-violet-900 ring-violet-300',
} as const;

export function ItemStatusBadge({ status, label }: { status: keyof typeof ITEM_TONE; label: string }) {
  return <Badge tone={ITEM_TONE[status]}>{label}</Badge>;
}
