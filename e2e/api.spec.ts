import { expect, test } from '@playwright/test';
import { signInAndWait } from './helpers';

test('health answers without a session, ready reports the database', async ({ request }) => {
  expect((await request.get('/api/health')).status()).toBe(200);
  const ready = await request.get('/api/ready');
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: 'ok', database: { ok: true } });
});

test('the API answers 401 without a session', async ({ request }) => {
  const response = await request.get('/api/v1/me');
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: 'Je bent niet (meer) aangemeld.' });
});

test('bad input gets 400, 413 or 422 with Dutch messages and changes nothing', async ({ page }) => {
  await signInAndWait(page, 'gemeente@example.org');
  const api = page.request;
  const before = await (await api.get('/api/v1/me')).json();

  const malformed = await api.patch('/api/v1/me', { headers: { 'content-type': 'application/json' }, data: Buffer.from('{"name":') });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error).toBe('De inhoud is geen geldige JSON.');

  const wrong = await api.patch('/api/v1/me', { data: { name: 7, role: 'admin', version: before.version } });
  expect(wrong.status()).toBe(422);
  expect((await wrong.json()).fieldErrors).toEqual({
    name: ['Ongeldige invoer: verwacht string, ontving getal'],
    role: ['Onbekend veld.'],
  });

  const huge = await api.patch('/api/v1/me', { data: { name: 'x'.repeat(100_000), version: before.version } });
  expect(huge.status()).toBe(413);

  const stale = await api.patch('/api/v1/me', { data: { name: 'Pieter', version: before.version + 5 } });
  expect(stale.status()).toBe(409);

  expect(await (await api.get('/api/v1/me')).json()).toEqual(before);
});

test('a valid change is saved and returns the new version', async ({ page }) => {
  await signInAndWait(page, 'veiligthuis@example.org');
  const before = await (await page.request.get('/api/v1/me')).json();
  const response = await page.request.patch('/api/v1/me', { data: { name: 'Lotte Smit-Jansen', version: before.version } });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ name: 'Lotte Smit-Jansen', version: before.version + 1, role: 'professional' });
});
