import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/http/errors';
import { z } from '@/lib/validation/zod';
import { formDataToObject, handleForm } from './action-state';

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
});
