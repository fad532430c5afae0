import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Button } from './button';
import { ErrorSummary } from './error-summary';
import { Field } from './field';
import { FormFailure } from './form-failure';
import { Select } from './select';

const input = (aria: object) => h('input', { ...aria, name: 'title' });

describe('components/ui', () => {
  it('Field: a screen reader hears the error and the hint with the control, and hears it is invalid', () => {
    const html = renderToStaticMarkup(h(Field, { id: 'f-title', label: 'Titel', hint: 'Kort', errors: ['Vul een titel in.'], required: true, children: input }));
    expect(html).toContain('<label for="f-title"');
    expect(html).toContain('<input id="f-title" aria-invalid="true" aria-describedby="f-title-error f-title-hint" name="title"/>');
    expect(html).toContain('<p id="f-title-error" class="mt-1 text-sm text-danger">Vul een titel in.</p>');
    expect(html).toContain('<p id="f-title-hint" class="text-xs text-muted">Kort</p>');
  });

  it('Field: without an error only the hint describes the control, and nothing when there is no hint', () => {
    expect(renderToStaticMarkup(h(Field, { id: 'a', label: 'A', hint: 'H', children: input }))).toContain('aria-invalid="false" aria-describedby="a-hint"');
    expect(renderToStaticMarkup(h(Field, { id: 'b', label: 'B', children: input }))).not.toContain('aria-describedby');
  });

  it('Select: labelled, "all" first with an empty value, the current filter chosen', () => {
    const html = renderToStaticMarkup(
      h(Select, { id: 'filter-status', name: 'status', label: 'Status', value: 'actief', all: 'Alle', options: [{ value: 'actief', label: 'Actief' }] }),
    );
    expect(html).toContain('<label for="filter-status"');
    expect(html).toMatch(/<select id="filter-status" name="status"[^>]*><option value="">Alle<\/option><option value="actief" selected="">Actief<\/option>/);
  });

  it('Button: a plain button unless told otherwise, so it never submits a form by accident', () => {
    expect(renderToStaticMarkup(h(Button, null, 'Ok'))).toMatch(/^<button type="button"/);
    expect(renderToStaticMarkup(h(Button, { type: 'submit', variant: 'danger' }, 'Weg'))).toContain('bg-danger');
  });

  it('FormFailure: the live region is there before a failure, and a failure is an alert inside it', () => {
    expect(renderToStaticMarkup(h(FormFailure, { message: null }))).toBe('<div aria-live="assertive"></div>');
    expect(renderToStaticMarkup(h(FormFailure, { message: 'Onjuist.' }))).toMatch(/^<div aria-live="assertive"><p role="alert"[^>]*>Onjuist\.<\/p><\/div>$/);
  });

  it('Field: one message per field, the first, not a run of contradicting ones', () => {
    const html = renderToStaticMarkup(h(Field, { id: 'd', label: 'Geboortedatum', errors: ['Vul de geboortedatum in.', 'Deze datum bestaat niet.'], children: input }));
    expect(html).toContain('>Vul de geboortedatum in.</p>');
    expect(html).not.toContain('bestaat niet');
  });

  it('ErrorSummary: takes the focus as an alert, with the message and each field once with its first message', () => {
    const html = renderToStaticMarkup(
      h(ErrorSummary, { title: 'Er is een probleem', message: 'Controleer de gemarkeerde velden.', fieldErrors: { name: ['Vul een naam in.', 'Te kort.'], goal: ['Vul het doel in.'] } }),
    );
    expect(html).toMatch(/^<div role="alert" tabindex="-1" aria-labelledby="error-summary-title"/);
    expect(html).toContain('Controleer de gemarkeerde velden.');
    expect(html.match(/<li>/g)).toHaveLength(2);
    expect(html).toContain('Vul een naam in.');
    expect(html).not.toContain('Te kort.');
  });
});
