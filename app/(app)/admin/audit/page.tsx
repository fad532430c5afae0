import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AdminTabs } from '@/components/admin-tabs';
import { ErrorNotice } from '@/components/error-notice';
import { PageTitle } from '@/components/page-title';
import { auditQuerySchema, searchAuditLog, type AuditQuery } from '@/lib/audit/case-access-log';
import { requirePage } from '@/lib/access/pages';
import { uiLocale } from '@/lib/i18n/ui-locale';
import { fieldErrorsOf } from '@/lib/validation/zod';
import { DateFilter } from '@/components/ui/date-filter';
import { TableBox, thClass as th } from '@/components/ui/table';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('auditTitle') };
}

const ACTIONS = ['view', 'search', 'create', 'update', 'export', 'sign-in', 'sign-in-failed', 'denied'] as const;
const control = 'mt-1 block w-full rounded border border-[#8a96a6] bg-white px-2 py-1.5 text-sm';

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePage('admin.audit');
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => v));
  const parsed = auditQuerySchema.safeParse(raw);
  const query: AuditQuery = parsed.success ? parsed.data : {};
  const [result, t, tCase, tRoles, format, tForms] = await Promise.all([
    searchAuditLog(actor, query),
    getTranslations('admin'),
    getTranslations('case'),
    getTranslations('roles'),
    getFormatter(),
    getTranslations('forms'),
  ]);
  const page = query.page ?? 1;
  const hrefFor = (p: number) => `/admin/audit?${new URLSearchParams({ ...raw, page: String(p) })}`;
  return (
    <>
      <PageTitle description={t('auditIntro')}>{t('title')}</PageTitle>
      <AdminTabs current="audit" />
      <form method="get" role="search" aria-label={t('auditTitle')} className="mb-6 grid gap-3 rounded-lg border border-line bg-white p-4 sm:grid-cols-3 lg:grid-cols-6">
        <div>
          <label htmlFor="a-action" className="block text-xs font-semibold uppercase text-muted">{t('action')}</label>
          <select id="a-action" name="action" defaultValue={query.action ?? ''} className={control}>
            <option value="">—</option>
            {ACTIONS.map((a) => <option key={a} value={a}>{tCase(`auditActions.${a}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="a-outcome" className="block text-xs font-semibold uppercase text-muted">{t('outcome')}</label>
          <select id="a-outcome" name="outcome" defaultValue={query.outcome ?? ''} className={control}>
            <option value="">—</option>
            <option value="allowed">{tCase('outcomes.allowed')}</option>
            <option value="denied">{tCase('outcomes.denied')}</option>
          </select>
        </div>
        <div>
          <label htmlFor="a-case" className="block text-xs font-semibold uppercase text-muted">{t('caseNumber')}</label>
          <input id="a-case" name="caseNumber" defaultValue={query.caseNumber ?? ''} className={control} />
        </div>
        <div>
          <label htmlFor="a-user" className="block text-xs font-semibold uppercase text-muted">{t('user')}</label>
          <input id="a-user" name="user" defaultValue={query.user ?? ''} className={control} />
        </div>
        <DateFilter id="a-from" name="from" label={t('from')} value={query.from} format={tForms('datePlaceholder')} labelClassName="block text-xs font-semibold uppercase text-muted" />
        <DateFilter id="a-to" name="to" label={t('to')} value={query.to} format={tForms('datePlaceholder')} labelClassName="block text-xs font-semibold uppercase text-muted" />
        <div className="flex items-center gap-3 sm:col-span-3 lg:col-span-6">
          <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">{t('apply')}</button>
          <Link href="/admin/audit" className="text-sm font-medium text-brand-700 underline">{t('clear')}</Link>
        </div>
      </form>
      <ErrorNotice message={!parsed.success ? Object.values(fieldErrorsOf(parsed.error, await uiLocale())).flat().join(' ') : null} />
      {result.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-white px-6 py-10 text-center text-sm text-muted">{t('noEntries')}</p>
      ) : (
        <TableBox>
          <table className="min-w-full divide-y divide-line text-sm" data-testid="audit-log">
            <thead className="bg-canvas">
              <tr>
                <th scope="col" className={th}>{t('when')}</th>
                <th scope="col" className={th}>{t('user')}</th>
                <th scope="col" className={th}>{t('action')}</th>
                <th scope="col" className={th}>{t('entity')}</th>
                <th scope="col" className={th}>{t('caseNumber')}</th>
                <th scope="col" className={th}>{t('outcome')}</th>
                <th scope="col" className={th}>{t('ip')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {result.items.map((e) => (
                <tr key={e.id}>
                  <td className="px-3 py-1.5 whitespace-nowrap">{format.dateTime(e.at, { dateStyle: 'short', timeStyle: 'medium' })}</td>
                  <td className="px-3 py-1.5">
                    <span className="block">{e.userName ?? '—'}</span>
                    <span className="block text-xs text-muted">{e.organisationName ?? ''}{e.role ? ` · ${tRoles(e.role)}` : ''}</span>
                  </td>
                  <td className="px-3 py-1.5">{tCase(`auditActions.${e.action}`)}</td>
                  <td className="px-3 py-1.5">{e.entity}</td>
                  <td className="px-3 py-1.5 whitespace-nowrap">{e.caseNumber ?? '—'}</td>
                  <td className={`px-3 py-1.5 ${e.outcome === 'denied' ? 'font-medium text-danger' : ''}`}>{tCase(`outcomes.${e.outcome}`)}</td>
                  <td className="px-3 py-1.5 text-muted">{e.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
      <div className="mt-4 flex justify-between">
        {page > 1 ? <Link href={hrefFor(page - 1)} className="text-sm font-medium text-brand-700 underline">{t('newer')}</Link> : <span />}
        {result.hasMore ? <Link href={hrefFor(page + 1)} className="text-sm font-medium text-brand-700 underline">{t('more')}</Link> : <span />}
      </div>
    </>
  );
}
