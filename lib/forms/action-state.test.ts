import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { z } from '@/lib/validation/zod';
import { birthDateSchema } from '@/lib/cases/schemas';
import { formDataToObject, handleForm } from './action-state';
import { DATE_FIELDS_KEY } from './typed-date';

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
}

describe('forms', () => {
  it('nests dotted names and reads true/false as booleans', () => {
    expect(formDataToObject(form({ 'subject.name': 'A', 'criteria.household': 'false', version: '3' }))).toEqual({
      subject: { name: 'A' },
      criteria: { household: false },
      version: '3',
    });
  });

  it("drops React's $ACTION_… fields of a form sent before hydration, so strict schemas accept it", async () => {
    const posted = form({ $ACTION_REF_1: '', '$ACTION_1:0': '{"id":"abc","bound":"$@1"}', '$ACTION_1:1': '[null]', $ACTION_KEY: 'k1', userId: 'u1' });
    expect(formDataToObject(posted)).toEqual({ userId: 'u1' });
    const { state, result } = await handleForm(posted, z.strictObject({ userId: z.string() }), async (input) => input.userId);
    expect(state).toMatchObject({ ok: true });
    expect(result).toBe('u1');
  });

  it('answers field errors and keeps the values, without running the work', async () => {
    let ran = false;
    const { state } = await handleForm(form({ name: '' }), z.object({ name: z.string().min(1, 'Vul een naam in.') }), async () => {
      ran = true;
    });
    expect(ran).toBe(false);
    expect(state).toMatchObject({ ok: false, fieldErrors: { name: ['Vul een naam in.'] }, values: { name: '' } });
  });

  it('turns an expected domain failure into a message', async () => {
    const { state } = await handleForm(form({}), z.object({}), async () => {
      throw new AppError('CONFLICT', 'Iemand anders was je voor.');
    });
    expect(state).toMatchObject({ ok: false, message: 'Iemand anders was je voor.' });
  });

  it('reads a date typed as day-month-year as the ISO date the schema wants, and shows it back as typed', async () => {
    const posted = form({ dueDate: '3-1-2027', other: '3-1-2027', [DATE_FIELDS_KEY]: 'dueDate' });
    // Only the fields the form marks as dates: "3-1-2027" in a free text stays what it is.
    expect(formDataToObject(posted)).toEqual({ dueDate: '2027-01-03', other: '3-1-2027' });
    for (const typed of ['31-12-2026', '31/12/2026', '31.12.2026', '2026-12-31']) {
      const { result } = await handleForm(form({ d: typed, [DATE_FIELDS_KEY]: 'd' }), z.strictObject({ d: z.iso.date() }), async (input) => input.d);
      expect(result, typed).toBe('2026-12-31');
    }
    const { state } = await handleForm(form({ d: '31-02-2026', [DATE_FIELDS_KEY]: 'd' }), z.strictObject({ d: z.literal('x') }), async () => null);
    expect(state.values).toEqual({ d: '31-02-2026' });
  });

  it('gives a date that is no date at all one message saying how to type it, and an empty birth date one message', async () => {
    const schema = z.strictObject({ birthDate: birthDateSchema });
    const unreadable = await handleForm(form({ birthDate: 'gisteren', [DATE_FIELDS_KEY]: 'birthDate' }), schema, async () => null);
    expect(unreadable.state.fieldErrors).toEqual({ birthDate: ['Vul de datum in als dag-maand-jaar, bijvoorbeeld 31-12-2026.'] });
    // Before: "Gebruik de vorm JJJJ-MM-DD.", "Deze datum bestaat niet." and "… ligt vóór 1900." at once.
    const empty = await handleForm(form({ birthDate: '', [DATE_FIELDS_KEY]: 'birthDate' }), schema, async () => null);
    expect(empty.state.fieldErrors).toEqual({ birthDate: ['Vul de geboortedatum in.'] });
    const missing = await handleForm(form({}), schema, async () => null);
    expect(missing.state.fieldErrors).toEqual({ birthDate: ['Vul de geboortedatum in.'] });
  });
});
