import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Button } from './button';
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
});
