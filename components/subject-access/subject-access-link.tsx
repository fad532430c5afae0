import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** On the case page, for regisseurs: opens the art. 15 export (each opening is an audited export). */
export async function SubjectAccessLink({ caseId }: { caseId: string }) {
  const t = await getTranslations('subjectAccess');
  return (
    <div className="rounded-lg border border-line bg-white p-5">
      {/* No prefetch: opening the page makes an export, and only a click should do that. */}
      <Link href={`/cases/${caseId}/subject-access`} prefetch={false} className="font-semibold text-brand-700 underline">
        {t('openFromCase')}
      </Link>
      <p className="mt-1 text-sm text-muted">{t('openFromCaseHint')}</p>
    </div>
  );
}
