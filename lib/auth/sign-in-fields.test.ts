import { describe, expect, it } from 'vitest';
import { checkSignInFields, safeCallbackPath } from './sign-in-fields';
import { signInSchema } from './sign-in-schema';

// The browser's quick check and the server's zod schema must never disagree about what is wrong.
describe('the sign-in form check agrees with the server schema', () => {
  const cases: Record<string, unknown>[] = [
    { email: 'Regisseur@Example.org ', password: 'geheim' },
    { email: '', password: '' },
    { email: 'geen-adres', password: 'x' },
    { email: 'naam@domein', password: 'x' },
    { email: 'naam @domein.nl', password: 'x' },
    { email: `${'a'.repeat(250)}@x.nl`, password: 'x' },
    { email: 'a@b.nl', password: 'p'.repeat(1025) },
    {},
  ];
  it.each(cases)('%o', (input) => {
    const client = checkSignInFields(input);
    const server = signInSchema.safeParse({ email: input.email ?? '', password: input.password ?? '' });
    expect(client.success).toBe(server.success);
    if (client.success && server.success) expect(client.data).toEqual({ email: server.data.email, password: server.data.password });
    if (!client.success && !server.success) {
      for (const [field, messages] of Object.entries(client.errors)) {
        const serverMessages = server.error.issues.filter((i) => i.path[0] === field).map((i) => i.message);
        expect(serverMessages).toContain(messages[0]);
      }
    }
  });
});

// Where the browser lands after signing in: the value goes into a Location header, which the browser resolves
// the WHATWG way (dropping tabs and newlines, reading backslashes as slashes) against the app's own address.
describe('the path after sign-in never leaves the app', () => {
  const APP = 'https://casus.example.nl';
  const attacks = [
    '/\t/evil.example/phish',
    '/\n/evil.example/phish',
    '/\r\n/evil.example',
    '/\t\t/evil.example',
    '\t//evil.example',
    ' //evil.example',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '\\/evil.example',
    '/\\/evil.example',
    '/.//evil.example',
    '/..//evil.example',
    '/a/..//evil.example',
    'https://evil.example/phish',
    'https:evil.example',
    'https:/evil.example',
    'HTTPS://evil.example',
    '//casus.example.nl@evil.example',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '\u3000//evil.example',
    '/\u3000/evil.example',
    '/%0A/evil.example',
    '//%65vil.example',
    '/%2F%2Fevil.example',
  ];

  it.each(attacks)('%j', (value) => {
    const path = safeCallbackPath(value);
    expect(path.startsWith('/')).toBe(true);
    expect(path.startsWith('//')).toBe(false);
    // A valid header value: no whitespace or control characters, nothing outside ASCII.
    expect(path).toMatch(/^[\x21-\x7e]*$/);
    expect(new URL(path, APP).origin).toBe(APP);
    expect(new URL(path, 'http://127.0.0.1:3100').host).toBe('127.0.0.1:3100');
  });

  it('keeps the path, query and fragment of an own page', () => {
    expect(safeCallbackPath('/cases/123?tab=agreements#open')).toBe('/cases/123?tab=agreements#open');
    expect(safeCallbackPath('/signals')).toBe('/signals');
    expect(safeCallbackPath('/cases?q=de vries')).toBe('/cases?q=de%20vries');
    expect(safeCallbackPath('/.//evil.example')).toBe('/evil.example');
    expect(safeCallbackPath('')).toBe('/');
    expect(safeCallbackPath(undefined)).toBe('/');
    expect(safeCallbackPath('https://evil.example/phish')).toBe('/');
  });
});
