import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/error-notice';
import { PrintButton } from '@/components/print-button';
import { AccessLogTable } from '@/components/subject-access/access-log-table';
import { CaseSection } from '@/components/subject-access/case-section';
import { ExportHeader } from '@/components/subject-access/export-header';
import { requirePage } from '@/lib/access/pages';
import { AppError } from '@/lib/errors';
import { RateLimitedError } from '@/lib/http/rate-limit';
import { uiLocale } from '@/lib/i18n/ui-locale';
import { subjectAccessExport } from '@/lib/subject-access/export';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('subjectAccess'))('title') };
}

type Params = Promise<{ id: string }>;

/**
 * Inzage (AVG art. 15), printable: every rendering is an export and is audited (lib/subject-access),
 * and counts against the export limit. Anyone but a regisseur gets the same 404 as for a missing case,
 * however often they try (the limit is counted only after that check).
 */
export default async function SubjectAccessPage({ params }: { params: Params }) {
  const actor = await requirePage('section.cases');
  const { id } = await params;
  const t = await getTranslations('subjectAccess');
  let document;
  try {
    document = await subjectAccessExport(actor, id, 'html');
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return (
        <>
          <h1 className="mb-4 text-2xl font-semibold">{t('title')}</h1>
          <ErrorNotice message={`${t('rateLimited')} ${error.localized(await uiLocale()).message}`} />
          <Link href={`/cases/${encodeURIComponent(id)}`} className="text-sm font-medium text-brand-700 underline">{t('back')}</Link>
        </>
      );
    }
    if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) notFound();
    throw error;
  }
  const format = await getFormatter();
  const several = document.cases.length > 1;

  return (
    <>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/cases/${id}`} className="text-sm font-medium text-brand-700 underline">{t('back')}</Link>
        <div className="flex items-center gap-3">
          <a
            href={`/api/v1/cases/${id}/subject-access`}
            download
            className="rounded border border-brand-700 px-4 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50"
          >
            {t('downloadJson')}
          </a>
          <PrintButton label={t('print')} />
        </div>
      </div>
      <article
        className="mx-auto max-w-4xl rounded-lg border border-line bg-white p-10 shadow-sm print:max-w-none print:rounded-none print:border-0 print:p-0 print:shadow-none"
        // The marks of the redaction review must survive printing, background colours included.
        style={{ printColorAdjust: 'exact', WebkitPrintColorAdjust: 'exact' }}
        data-testid="subject-access"
      >
        <ExportHeader document={document} />
        {several ? (
          <nav aria-label={t('contents')} className="mb-8 text-sm print:hidden">
            <h2 className="font-semibold">{t('contents')}</h2>
            <ul className="mt-1 list-disc pl-5">
              {document.cases.map((c) => (
                <li key={c.id}>
                  <a href={`#case-${c.number}`} className="text-brand-700 underline">{c.number}</a>
                </li>
              ))}
              <li>
                <a href="#access-log-section" className="text-brand-700 underline">{t('log.heading')}</a>
              </li>
            </ul>
          </nav>
        ) : null}
        {document.cases.map((entry) => (
          <CaseSection key={entry.id} entry={entry} />
        ))}
        <AccessLogTable entries={document.accessLog} showCase={several} />
        <footer className="mt-10 border-t border-line pt-3 text-xs text-muted">
          {t('footer', { date: format.dateTime(new Date(document.generatedAt), { dateStyle: 'long', timeStyle: 'short' }) })}
        </footer>
      </article>
    </>
  );
}
