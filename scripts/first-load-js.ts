/**
 * `npm run bench:js` — the JavaScript each main page makes the browser load on a first visit, raw and
 * gzip-compressed, measured in Chromium against the production build on a fresh embedded demo database.
 * Next 16 no longer prints first-load sizes in its build output, so this measures what really arrives.
 * Writes bench/results/first-load-js.json and .md; exit code 1 when a page is over the 150 kB budget.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { z } from 'zod';
import { timeStep, totpCode } from '@/lib/auth/totp';
import { DEMO_TOTP_SECRETS } from '@/lib/seed/demo-data';

const BUDGET_KB = 150;
const PASSWORD = 'Casusregie-demo-2026';

const envSchema = z.object({
  NEXT_DIST_DIR: z.string().default('.next'),
  BENCH_JS_PORT: z.coerce.number().int().min(1024).max(65535).default(3390),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
});

interface PageFigure {
  page: string;
  role: string;
  scripts: number;
  rawKb: number;
  gzipKb: number;
}

const PAGES: { role: string; email: string; paths: (page: Page) => Promise<string[]> }[] = [
  { role: 'anoniem', email: '', paths: async () => ['/login'] },
  {
    role: 'regisseur',
    email: 'regisseur@example.org',
    paths: async (page) => {
      await page.goto('/cases');
      const caseHref = await page.locator('a[href^="/cases/"]:not([href="/cases/new"])').first().getAttribute('href');
      await page.goto('/meetings');
      const meetingHref = await page.locator('a[href^="/meetings/"]:not([href="/meetings/new"])').first().getAttribute('href');
      return ['/', '/cases', caseHref!, '/cases/new', '/meetings', meetingHref!, '/agreements', '/signals'];
    },
  },
  { role: 'professional', email: 'politie@example.org', paths: async () => ['/my-agreements', '/notifications'] },
  { role: 'manager', email: 'manager@example.org', paths: async () => ['/dashboard'] },
  { role: 'admin', email: 'admin@example.org', paths: async () => ['/admin', '/admin/settings'] },
];

async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByLabel('Verificatiecode').fill(totpCode(DEMO_TOTP_SECRETS[email]!, timeStep(Date.now())));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** Loads `url` in a fresh page of the (signed-in) context, with the cache off: every script counts. */
async function measure(page: Page, url: string): Promise<Omit<PageFigure, 'page' | 'role'>> {
  const bodies: Promise<Buffer>[] = [];
  const urls: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script' && response.ok()) {
      urls.push(response.url());
      bodies.push(response.body());
    }
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const all = await Promise.all(bodies);
  if (process.env.BENCH_JS_VERBOSE) all.forEach((b, i) => console.log(`  ${url} ${urls[i]} ${gzipSync(b, { level: 9 }).length}`));
  const raw = all.reduce((n, b) => n + b.length, 0);
  const gzip = all.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  return { scripts: all.length, rawKb: Math.round(raw / 102.4) / 10, gzipKb: Math.round(gzip / 102.4) / 10 };
}

async function waitReady(base: string) {
  for (let i = 0; i < 240; i += 1) {
    try {
      if ((await fetch(`${base}/api/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('De server werd niet gereed binnen 120 s.');
}

async function main() {
  const config = envSchema.parse(process.env);
  if (!fs.existsSync(path.join(config.NEXT_DIST_DIR, 'BUILD_ID'))) {
    throw new Error(`Geen productie-build in ${config.NEXT_DIST_DIR}. Maak er eerst een: npm run build`);
  }
  const base = `http://127.0.0.1:${config.BENCH_JS_PORT}`;
  const dataDir = path.resolve('.data', `bench-js-${config.BENCH_JS_PORT}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    env: {
      ...process.env,
      PORT: String(config.BENCH_JS_PORT),
      HOSTNAME: '127.0.0.1',
      NEXTAUTH_URL: base,
      PGLITE_DIR: path.join(dataDir, 'pglite'),
      DATABASE_URL: '',
      SCHEDULER: 'off',
      AUTH_SECRET: 'bench-js-only-secret-0123456789abcdefghijklmnop',
    },
    stdio: 'ignore',
  });
  const browser = await chromium.launch({
    executablePath: config.CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const figures: PageFigure[] = [];
  try {
    await waitReady(base);
    for (const group of PAGES) {
      const context = await browser.newContext({ baseURL: base, locale: 'nl-NL' });
      const page = await context.newPage();
      if (group.email) await signIn(page, group.email);
      for (const url of await group.paths(page)) {
        const fresh = await context.newPage();
        figures.push({ page: url.replace(/[0-9a-f-]{36}/, '[id]'), role: group.role, ...(await measure(fresh, url)) });
        await fresh.close();
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
  const over = figures.filter((f) => f.gzipKb > BUDGET_KB);
  const table = [
    `| page | role | scripts | JS raw (kB) | JS gzip (kB) | budget ${BUDGET_KB} kB |`,
    '|---|---|---:|---:|---:|---|',
    ...figures.map((f) => `| ${f.page} | ${f.role} | ${f.scripts} | ${f.rawKb} | ${f.gzipKb} | ${f.gzipKb <= BUDGET_KB ? 'ok' : 'OVER'} |`),
  ].join('\n');
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync('bench/results/first-load-js.json', JSON.stringify({ measuredAt: new Date().toISOString(), budgetKb: BUDGET_KB, figures }, null, 2));
  fs.writeFileSync('bench/results/first-load-js.md', `# First-load JavaScript per page\n\nMeasured ${new Date().toISOString()} with \`npm run bench:js\` (Chromium, cache off, gzip level 9).\n\n${table}\n`);
  console.log(table);
  if (over.length > 0) {
    console.error(`Boven het budget van ${BUDGET_KB} kB: ${over.map((f) => f.page).join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
