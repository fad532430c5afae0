import { getFormatter, getTranslations } from 'next-intl/server';
import type { SubjectAccessDocument } from '@/lib/subject-access/document';
import type { FlagReason } from '@/lib/subject-access/name-flags';
import { FLAG_STYLE } from './flagged-text';

const REASONS: FlagReason[] = ['staff-name', 'contact-name', 'name-like'];

/** The title block of the export: whom it is about, who made it and when, and what to review first. */
export async function ExportHeader({ document }: { document: SubjectAccessDocument }) {
  const [t, tCase, tRoles, format] = await Promise.all([
    getTranslations('subjectAccess'),
    getTranslations('case'),
    getTranslations('roles'),
    getFormatter(),
  ]);
  const { subject, redactionReview: review } = document;
  const birthDate = format.dateTime(new Date(`${subject.birthDate}T12:00:00Z`), { dateStyle: 'long' });
  return (
    <>
      {/* Not a <header>: the print stylesheet hides the app's header element. */}
      <div className="mb-6 border-b-2 border-ink pb-4">
        <p className="text-xs font-semibold uppercase tracking-widest text-muted">
          {document.houseName} · {t('confidential')}
        </p>
        <h1 className="mt-2 text-2xl font-semibold">{t('documentTitle')}</h1>
        <p className="text-sm font-medium text-muted">{t('title')}</p>
        <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm" data-testid="subject">
          <dt className="text-muted">{t('subject')}</dt>
          <dd className="font-semibold">{subject.name}</dd>
          <dt className="text-muted">{tCase('birthDate')}</dt>
          <dd>{birthDate}</dd>
          <dt className="text-muted">{t('addresses')}</dt>
          <dd>{subject.addresses.length ? subject.addresses.join(' · ') : t('noAddress')}</dd>
          <dt className="text-muted">{t('casesCount', { count: document.cases.length })}</dt>
          <dd>{document.cases.map((c) => c.number).join(', ')}</dd>
        </dl>
        <p className="mt-3 text-xs text-muted">
          {t('generated', {
            date: format.dateTime(new Date(document.generatedAt), { dateStyle: 'long', timeStyle: 'short' }),
            organisation: document.generatedBy.organisationName ?? '—',
            role: document.generatedBy.role ? tRoles(document.generatedBy.role) : '—',
          })}{' '}
          {t('matchNote')} {t('staffNote')}
        </p>
      </div>

      <p className="mb-4 text-sm">{t('intro', { house: document.houseName })}</p>

      <section
        aria-labelledby="review"
        data-testid="redaction-review"
        className={`mb-6 break-inside-avoid rounded border-l-4 p-4 text-sm ${review.flags ? 'border-amber-500 bg-amber-50' : 'border-ok bg-emerald-50'}`}
      >
        <h2 id="review" className="font-semibold">{t('review.title')}</h2>
        <p className="mt-1">{review.flags ? t('review.some', { flags: review.flags, fields: review.flaggedFields }) : t('review.none')}</p>
        {review.flags ? (
          <p className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs">
            <span className="font-semibold">{t('review.legend')}:</span>
            {REASONS.map((reason) => (
              <span key={reason}>
                <mark className={FLAG_STYLE[reason]}>{t('review.sample')}</mark> {t(`review.reasons.${reason}`)}
              </span>
            ))}
          </p>
        ) : null}
      </section>
    </>
  );
}
