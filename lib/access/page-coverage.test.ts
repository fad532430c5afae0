/**
 * A guard over the pages: every page.tsx under app/ is registered in PAGE_ACCESS with what protects it,
 * its guard asks exactly that (requirePage with the registered action, or without one), and the admin
 * pages refuse everyone but functioneel beheer with 404. Public pages (the sign-in steps) call no guard.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from './outcome';
import { PAGE_ACCESS } from './page-access';
import { authorize, type Action } from './policy';

const ROOT = path.resolve(import.meta.dirname, '../..');

function pages(dir = 'app', found: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) pages(rel, found);
    else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) found.push(rel);
  }
  return found;
}

const urlOf = (rel: string) =>
  `/${path.posix.dirname(rel).split('/').slice(1).filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith('@')).join('/')}`;

const PAGES = pages().map((file) => ({ file, url: urlOf(file), source: fs.readFileSync(path.join(ROOT, file), 'utf8') }));

/** What the page's own code asks: the actions of its requirePage() calls, '' for a call without one. */
function guardsOf(source: string): string[] {
  return [...source.matchAll(/\brequirePage\(\s*(?:'([^']+)')?\s*\)/g)].map((m) => m[1] ?? '');
}

describe('page coverage: every page is in PAGE_ACCESS', () => {
  it('registers every page, and nothing else', () => {
    const urls = PAGES.map((p) => p.url);
    const missing = urls.filter((u) => !(u in PAGE_ACCESS));
    expect(missing, `Pages not registered in lib/access/page-access.ts: ${missing.join(', ')}`).toEqual([]);
    const stale = Object.keys(PAGE_ACCESS).filter((u) => !urls.includes(u));
    expect(stale, `No such page; remove from lib/access/page-access.ts: ${stale.join(', ')}`).toEqual([]);
  });

  it.each(PAGES)('$url asks its guard what the registry says', ({ url, source, file }) => {
    const registered = PAGE_ACCESS[url]!;
    const guards = guardsOf(source);
    if (registered === 'public') {
      expect(guards, `${file} is public but calls requirePage`).toEqual([]);
      expect(source).not.toMatch(/\brequireActor\(/);
      return;
    }
    // Role lists in pages are gone: the policy decides.
    expect(source, `${file}: use requirePage() instead of requireActor()`).not.toMatch(/\brequireActor\(/);
    expect(guards, `${file} must call requirePage(${registered === 'authenticated' ? '' : `'${registered}'`})`).toEqual([
      registered === 'authenticated' ? '' : registered,
    ]);
  });

  it('keeps every admin page a 404 for every role but functioneel beheer', () => {
    const adminPages = Object.entries(PAGE_ACCESS).filter(([url]) => url === '/admin' || url.startsWith('/admin/'));
    expect(adminPages.length).toBeGreaterThan(5);
    for (const [url, action] of adminPages) {
      for (const role of ROLES) {
        expect(authorize({ role }, action as Action), `${role} on ${url}`).toBe(role === 'admin' ? 'allow' : 'not-found');
      }
    }
  });
});
