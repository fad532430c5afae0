import { describe, expect, it } from 'vitest';
import { checkSignInFields } from './sign-in-fields';
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
