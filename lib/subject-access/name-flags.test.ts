import { describe, expect, it } from 'vitest';
import { flagNames, type NameContext } from './name-flags';

const context: NameContext = {
  staffNames: ['Mark Jansen', 'Fatima Ouali', 'Lotte Smit'],
  contactNames: ['Bram Kuiper'],
  subjectNames: ['Jan de Vries'],
  knownNonNames: ['Veilig Thuis Regio Utrecht', 'Gemeente Utrecht', 'Politie Midden-Nederland', 'Altrecht GGZ', 'Amersfoort'],
};

const flagged = (text: string) => flagNames(text, context).map((f) => [f.text, f.reason]);

describe('flagNames', () => {
  it('flags staff and contact names as such, whatever their case or line break', () => {
    expect(flagged('Gesprek met fatima ouali en\nMark   Jansen gevoerd.')).toEqual([
      ['fatima ouali', 'staff-name'],
      ['Mark   Jansen', 'staff-name'],
    ]);
    expect(flagged('Opgeschaald naar Bram Kuiper.')).toEqual([['Bram Kuiper', 'contact-name']]);
  });

  it('flags capitalised word pairs with name particles as name-like', () => {
    expect(flagged('Buurman Kees van Dam belde; ook De Groot was er.')).toEqual([
      ['Kees van Dam', 'name-like'],
      ['De Groot', 'name-like'],
    ]);
    expect(flagged('Zus Anne-Marie Ter Horst')).toEqual([['Anne-Marie Ter Horst', 'name-like']]);
  });

  it("does not flag the subject's own name, organisations, places or sentence starts", () => {
    expect(flagged('Jan de Vries en De Vries zelf; Veilig Thuis maakt het plan met Gemeente Utrecht.')).toEqual([]);
    expect(flagged('Politie Midden-Nederland. Op Maandag gesprek in Amersfoort.')).toEqual([]);
    expect(flagged('Eerste gesprek met partner gevoerd. GGZ zoekt voorrang.')).toEqual([]);
    expect(flagged('Op de Top X-lijst; In Het Dorp.')).toEqual([]);
  });

  it('still flags a stranger next to a first name of the subject', () => {
    expect(flagged('Jan Mulder is een neef.')).toEqual([['Jan Mulder', 'name-like']]);
  });

  it('reports offsets that slice the text back out', () => {
    const text = 'Notitie: Lotte Smit sprak met Karel Appel.';
    for (const flag of flagNames(text, context)) expect(text.slice(flag.start, flag.end)).toBe(flag.text);
    expect(flagNames(text, context).map((f) => f.reason)).toEqual(['staff-name', 'name-like']);
  });

  it('prefers a staff name over an overlapping name-like span', () => {
    expect(flagged('Lotte Smit')).toEqual([['Lotte Smit', 'staff-name']]);
    expect(flagged('')).toEqual([]);
  });
});
