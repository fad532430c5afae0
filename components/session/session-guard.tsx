'use client';

import { useTranslations } from 'next-intl';
import { usePathname } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { keepAliveDue, warningDue } from '@/lib/auth/session-rules';
import { SignInAgainForm } from './sign-in-again-form';

type Phase = 'active' | 'warning' | 'expired';

interface SessionGuardValue {
  /** Opens the sign-in-again dialog; true once the user is signed in again, false when they close it. */
  signInAgain(): Promise<boolean>;
}

const SessionGuardContext = createContext<SessionGuardValue>({ signInAgain: async () => false });

/** For components that save: on a 401, sign in again in place, then retry. */
export const useSessionGuard = () => useContext(SessionGuardContext);

const ACTIVITY_EVENTS = ['keydown', 'input', 'pointerdown', 'wheel', 'touchstart'] as const;

/** Asks the server how long the session has left (`touch`: as a keep-alive). Null: ended; undefined: no answer. */
async function remaining(touch: boolean): Promise<number | null | undefined> {
  try {
    const response = await fetch('/api/v1/session', { method: touch ? 'POST' : 'GET', cache: 'no-store' });
    if (response.status === 401) return null;
    if (!response.ok) return undefined;
    return ((await response.json()) as { remainingMs: number }).remainingMs;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the session of an active user alive and tells an idle one in time (lib/auth/session-rules.ts):
 * typing, clicking or scrolling sends a keep-alive at most once a minute; two minutes before the idle end
 * a dialog offers "Aangemeld blijven"; once the session has ended (or a save met an ended session) the user
 * signs in again in place, with password and code, and stays on the page with everything typed.
 */
export function SessionGuard({ email, children }: { email: string; children: React.ReactNode }) {
  const t = useTranslations('session');
  const pathname = usePathname();
  const [phase, setPhase] = useState<Phase>('active');
  const [askedToSignIn, setAskedToSignIn] = useState(false);
  const [postponed, setPostponed] = useState(false);
  const endsAt = useRef<number>(Number.POSITIVE_INFINITY);
  const lastSent = useRef(0);
  const lastActivity = useRef(0);
  const waiting = useRef<((ok: boolean) => void)[]>([]);
  const checking = useRef(false);

  const channel = useRef<BroadcastChannel | null>(null);

  const learn = useCallback((ms: number | null | undefined, fromOtherTab = false) => {
    if (ms === undefined) return;
    // Other tabs of this browser share the session: what one learns, all know (no false warnings).
    if (!fromOtherTab) channel.current?.postMessage(ms);
    if (ms === null) {
      endsAt.current = 0;
      setPhase('expired');
      return;
    }
    endsAt.current = Date.now() + ms;
    setPhase(warningDue(endsAt.current, Date.now()) ? 'warning' : 'active');
    // Signed in again (here or in another tab): the saves that waited for it go on.
    const resolvers = waiting.current;
    waiting.current = [];
    setAskedToSignIn(false);
    for (const resolve of resolvers) resolve(true);
  }, []);

  const keepAlive = useCallback(async () => {
    lastSent.current = Date.now();
    learn(await remaining(true));
  }, [learn]);

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const own = new BroadcastChannel('casusregie-session');
    own.onmessage = (event: MessageEvent<unknown>) => {
      if (typeof event.data === 'number' || event.data === null) learn(event.data, true);
    };
    channel.current = own;
    return () => {
      channel.current = null;
      own.close();
    };
  }, [learn]);

  // Each page load or navigation reached the server with the session: ask again how long it has.
  useEffect(() => {
    void remaining(false).then(learn);
  }, [pathname, learn]);

  useEffect(() => {
    const onActivity = () => {
      lastActivity.current = Date.now();
      if (phase === 'active' && keepAliveDue(lastSent.current, lastActivity.current, Date.now())) void keepAlive();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [phase, keepAlive]);

  useEffect(() => {
    const tick = window.setInterval(() => {
      const now = Date.now();
      if (phase === 'expired' || checking.current) return;
      if (now < endsAt.current) {
        if (phase === 'active' && warningDue(endsAt.current, now)) setPhase('warning');
        return;
      }
      // The end has come by this tab's clock: the server decides (another tab may have kept it alive).
      checking.current = true;
      void remaining(false)
        .then((ms) => learn(ms === undefined && now >= endsAt.current ? null : ms))
        .finally(() => {
          checking.current = false;
        });
    }, 1000);
    return () => window.clearInterval(tick);
  }, [phase, learn]);

  const signInAgain = useCallback(() => {
    setAskedToSignIn(true);
    setPostponed(false);
    setPhase('expired');
    return new Promise<boolean>((resolve) => waiting.current.push(resolve));
  }, []);

  const settle = (ok: boolean) => {
    const resolvers = waiting.current;
    waiting.current = [];
    setAskedToSignIn(false);
    for (const resolve of resolvers) resolve(ok);
  };

  const onSignedIn = async () => {
    lastSent.current = Date.now();
    const ms = await remaining(false);
    // A number settles the waiting saves (learn); anything else leaves the dialog up with its message.
    learn(ms ?? null);
  };

  return (
    <SessionGuardContext.Provider value={{ signInAgain }}>
      {children}
      {phase === 'warning' ? (
        <Dialog title={t('warningTitle')} labelId="session-warning-title">
          <p className="text-sm">{t('warningBody')}</p>
          <button
            type="button"
            autoFocus
            onClick={() => void keepAlive()}
            className="mt-4 rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
          >
            {t('stay')}
          </button>
        </Dialog>
      ) : null}
      {phase === 'expired' && postponed ? (
        <div role="status" className="fixed inset-x-0 bottom-0 z-40 flex flex-wrap items-center justify-center gap-3 border-t border-danger bg-danger-50 px-4 py-3 text-sm">
          <span>{t('expiredTitle')}</span>
          <button type="button" onClick={() => setPostponed(false)} className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">
            {t('signInAgain')}
          </button>
        </div>
      ) : null}
      {phase === 'expired' && !postponed ? (
        <Dialog title={t('expiredTitle')} labelId="session-expired-title">
          <p className="text-sm">{askedToSignIn ? t('expiredSaving') : t('expiredBody')}</p>
          <SignInAgainForm email={email} onSignedIn={onSignedIn} />
          {askedToSignIn ? (
            <button
              type="button"
              onClick={() => {
                setPostponed(true);
                settle(false);
              }}
              className="mt-3 text-sm text-brand-700 underline"
            >
              {t('later')}
            </button>
          ) : null}
        </Dialog>
      ) : null}
    </SessionGuardContext.Provider>
  );
}

function Dialog({ title, labelId, children }: { title: string; labelId: string; children: React.ReactNode }) {
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-ink/40 p-4 sm:items-center">
      <div role="alertdialog" aria-modal="true" aria-labelledby={labelId} className="w-full max-w-md rounded-lg border border-line bg-white p-5 shadow-lg">
        <h2 id={labelId} className="mb-2 text-lg font-semibold">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
