import { ROUTE_ACCESS } from '@/lib/access/route-access';

/** The API's route templates as patterns, from the registry of entry points (every route is in it). */
const TEMPLATES = [...new Set(Object.keys(ROUTE_ACCESS).filter((key) => key.includes(' /api/')).map((key) => key.split(' ')[1]!))].map(
  (template) => ({
    template,
    pattern: new RegExp(
      `^${template
        .split('/')
        .map((part) => (part.startsWith('[...') ? '.+' : part.startsWith('[') ? '[^/]+' : part.replace(/[.*+?^${}()|\\]/g, '\\$&')))
        .join('/')}$`,
    ),
  }),
);

/**
 * The route template of a path (`/api/v1/cases/[id]`), for logs and metric labels: the path itself can
 * hold an id or a secret token and would give a metric one series per case. Literal routes win over
 * dynamic ones, as in Next (`/api/v1/dashboard.csv` before a `[id]`).
 */
export function routeTemplate(pathname: string): string {
  const matches = TEMPLATES.filter(({ pattern }) => pattern.test(pathname));
  if (matches.length === 0) return 'unmatched';
  return matches.sort((a, b) => (a.template.match(/\[/g)?.length ?? 0) - (b.template.match(/\[/g)?.length ?? 0))[0]!.template;
}
