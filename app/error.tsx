'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

type Cause = 'unknown' | 'database' | 'session';

/**
 * Why the page failed, asked of the server rather than guessed: the database only when /api/ready says
 * so (503), an ended session when /api/v1/session says 401; otherwise a plain "could not be loaded".
 */
async function diagnose(): Promise<Cause> {
  try {
    const ready = await fetch('/api/ready', { cache: 'no-store' });
    if (ready.status === 503) return 'database';
    const session = await fetch('/api/v1/session', { cache: 'no-store' });
    return session.status === 401 ? 'session' : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Shown instead of a stack trace; retrying recovers. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  const [cause, setCause] = useState<Cause>('unknown');
  useEffect(() => {
    void diagnose().then(setCause);
  }, [error]);
  if (cause === 'session') {
    const back = `${window.location.pathname}${window.location.search}`;
    return (
      <main id="main" className="mx-auto max-w-xl px-4 py-16">
        <h1 className="text-2xl font-semibold">{t('sessionTitle')}</h1>
        <p className="mt-2 text-muted">{t('sessionBody')}</p>
        <a href={`/login?callbackUrl=${encodeURIComponent(back)}`} className="mt-6 inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t('signIn')}
        </a>
      </main>
    );
  }
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-muted">{cause === 'database' ? t('databaseBody') : t('body')}</p>
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
