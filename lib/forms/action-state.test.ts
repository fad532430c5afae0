import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
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
});
