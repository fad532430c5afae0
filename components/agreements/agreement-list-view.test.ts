import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import nl from '@/lib/i18n/messages/nl.json';
import { AgreementListView } from './agreement-card';
import type { AgreementItem } from './types';

// The heading of the agreement list: what it says of the whole list when it shows one page of it.

const items = (overdue: number, onTime: number) =>
  Array.from({ length: overdue + onTime }, (_, i) => ({ id: `a${i}`, overdue: i < overdue }) as unknown as AgreementItem);

function heading(locale: 'nl' | 'en', props: { items: AgreementItem[]; total: number; capped?: boolean; partial?: boolean }) {
  const html = renderToStaticMarkup(
    h(NextIntlClientProvider, {
      locale,
      messages: locale === 'nl' ? nl : en,
      timeZone: 'Europe/Amsterdam',
      children: h(AgreementListView, { ...props, emptyText: '', children: null }),
    }),
  );
  return html.match(/<h2[^>]*>(.*?)<\/h2>/)![1]!.replace(/<[^>]+>/g, '');
}

describe('the agreement list heading', () => {
  it('says "more than" of a capped count, and how many of the shown are overdue while more pages follow', () => {
    expect(heading('nl', { items: items(50, 0), total: 1000, capped: true, partial: true })).toBe('Meer dan 1.000 afspraken · 50 van de 50 getoonde te laat');
    expect(heading('en', { items: items(50, 0), total: 1000, capped: true, partial: true })).toBe('More than 1,000 agreements · 50 of the 50 shown overdue');
  });

  it('gives the exact figures when the whole list is shown', () => {
    expect(heading('nl', { items: items(3, 4), total: 7 })).toBe('7 afspraken · 3 te laat');
    expect(heading('nl', { items: items(0, 1), total: 1 })).toBe('1 afspraak');
    expect(heading('en', { items: items(2, 98), total: 640, partial: true })).toBe('640 agreements · 2 of the 100 shown overdue');
  });
});
