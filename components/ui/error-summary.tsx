'use client';

import { useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import type { FieldErrors } from '@/lib/validation/zod';

/** One line of the summary: the field's label (read from the form) and its first message. */
interface Line {
  key: string;
  label: string | null;
  message: string;
  /** The control the link focuses; null when the form shows no field by that name (e.g. a version). */
  target: HTMLElement | null;
}

/** The first message of each field: a field shows one message, the most basic one that applies. */
export function firstMessages(fieldErrors: FieldErrors | undefined): [string, string][] {
  return Object.entries(fieldErrors ?? {}).flatMap(([key, messages]) => (messages?.[0] ? [[key, messages[0]] as [string, string]] : []));
}

const escapeName = (name: string) => name.replace(/["\\]/g, '\\$&');

/** The control a field error belongs to: by its name, or the first of a group named `<name>.<option>`. */
function controlOf(form: HTMLFormElement | null, name: string): HTMLElement | null {
  if (!form) return null;
  const found = form.querySelector<HTMLElement>(`[name="${escapeName(name)}"]:not([type=hidden]), [name^="${escapeName(name)}."]:not([type=hidden])`);
  return found;
}

function labelOf(control: HTMLElement): string | null {
  const labelled = (control as HTMLInputElement).labels?.[0];
  const group = control.closest('fieldset')?.querySelector('legend');
  const isOption = control instanceof HTMLInputElement && (control.type === 'radio' || control.type === 'checkbox');
  const source = isOption && group ? group : (labelled ?? group);
  // Without the required mark ("*") and any hint inside the label.
  const text = source?.firstChild?.textContent ?? source?.textContent ?? null;
  return text?.replace(/\s*\*\s*$/, '').trim() || null;
}

/**
 * The box at the top of a form after a failed submit, as NL Design System and GOV.UK have it: it takes
 * the focus (a screen reader reads it, a keyboard user starts there), says what went wrong, and lists each
 * field with its message as a link that moves the focus to that field.
 */
export function ErrorSummary({ title, message, fieldErrors, testId = 'error-summary' }: { title?: string; message?: string; fieldErrors?: FieldErrors; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const messages = firstMessages(fieldErrors);
  const [lines, setLines] = useState<Line[]>(() => messages.map(([key, m]) => ({ key, label: null, message: m, target: null })));

  // The labels and controls live in the form's markup; read them once it is there, before it is painted.
  useLayoutEffect(() => {
    const form = box.current?.closest('form') ?? null;
    setLines(
      firstMessages(fieldErrors).map(([key, m]) => {
        const target = controlOf(form, key);
        return { key, label: target ? labelOf(target) : null, message: m, target };
      }),
    );
    box.current?.focus();
  }, [fieldErrors]);

  const focusField = (event: MouseEvent<HTMLAnchorElement>, target: HTMLElement | null) => {
    if (!target) return;
    event.preventDefault();
    target.focus();
    // The label above the control should be in view too, as the user reads it with the field.
    (target.closest('fieldset') ?? (target as HTMLInputElement).labels?.[0] ?? target).scrollIntoView({ block: 'start' });
  };

  return (
    <div
      ref={box}
      role="alert"
      tabIndex={-1}
      aria-labelledby={title ? `${testId}-title` : undefined}
      data-testid={testId}
      className="mb-4 rounded border-2 border-danger bg-danger-50 px-3 py-2 text-sm text-danger focus:outline-3 focus:outline-offset-2 focus:outline-brand-700"
    >
      {title ? (
        <p id={`${testId}-title`} className="font-semibold">
          {title}
        </p>
      ) : null}
      {message ? <p>{message}</p> : null}
      {lines.length ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {lines.map((line) => (
            <li key={line.key}>
              {line.target ? (
                <a href={line.target.id ? `#${line.target.id}` : '#'} onClick={(e) => focusField(e, line.target)} className="font-medium underline underline-offset-2">
                  {/* One text: the label and the message read as one sentence, and the message alone stays the field's own. */}
                  {line.label ? `${line.label}: ${line.message}` : line.message}
                </a>
              ) : (
                <span>{line.message}</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
