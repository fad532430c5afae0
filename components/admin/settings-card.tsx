import type { ReactNode } from 'react';

/** One group of settings under Beheer → Instellingen: a titled card with what it does and when it changed. */
export function SettingsCard(props: { id: string; title: string; intro: string; status: string; testId?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${props.id}-title`} className="mb-8 rounded-lg border border-line bg-white p-5" data-testid={props.testId}>
      <h2 id={`${props.id}-title`} className="text-lg font-semibold">
        {props.title}
      </h2>
      <p className="mb-4 max-w-prose text-sm text-muted">
        {props.intro} {props.status}
      </p>
      {props.children}
    </section>
  );
}
