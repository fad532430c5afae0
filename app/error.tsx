'use client';

import { useTranslations } from 'next-intl';

/** Shown instead of a stack trace, e.g. while the database is unreachable; retrying recovers. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('body')}</p>
      {error.digest ? (
        <p className="mt-2 text-sm text-muted">
          {t('reference')}: <code>{error.digest}</code>
        </p>
      ) : null}
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
      >
        {t('retry')}
      </button>
    </main>
  );
}
