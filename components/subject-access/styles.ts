/** Table cell styles shared by the sections of the printable export (as on the meeting print page). */
export const th = 'border-b border-ink/40 px-2 py-1.5 text-left text-xs font-semibold uppercase tracking-wide';
export const td = 'border-b border-line px-2 py-1.5 align-top';
export const h3 = 'mb-2 mt-5 text-sm font-semibold uppercase tracking-wide text-muted';
