import { badgeClass } from '@/components/ui/badge';
import type { SignalLevelName, SignalStatus } from '@/lib/signals/levels';

const pill = badgeClass;

const LEVEL_TONE: Record<SignalLevelName, string> = {
  regisseur: 'bg-sky-50 text-sky-900 ring-sky-300',
  organisation: 'bg-amber-50 text-amber-900 ring-amber-300',
  manager: 'bg-orange-50 text-orange-900 ring-orange-300',
  stuurgroep: 'bg-danger-50 text-danger ring-red-300',
};

/** The rung of the ladder a signal has reached; the text says it, the colour only helps. */
export function LevelBadge({ level, label, prefix }: { level: SignalLevelName; label: string; prefix: string }) {
  return (
    <span className={`${pill} ${LEVEL_TONE[level]}`} data-testid="signal-level">
      <span className="sr-only">{prefix}: </span>
      {label}
    </span>
  );
}

const STATUS_TONE: Record<SignalStatus, string> = {
  open: 'bg-white text-ink ring-line',
  snoozed: 'bg-slate-100 text-slate-800 ring-slate-300',
  resolved: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
};

export function SignalStatusBadge({ status, label }: { status: SignalStatus; label: string }) {
  return (
    <span className={`${pill} ${STATUS_TONE[status]}`} data-testid="signal-status">
      {label}
    </span>
  );
}
