'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLeaveGuard } from '@/components/session/use-leave-guard';
import { useSessionGuard } from '@/components/session/session-guard';
import { MergeView } from './merge-view';
import { amsterdamTime, localCopy, minutesApi, type Answer, type MinutesText, type SavedItem } from './minutes-api';
import { buttonClass } from '@/components/ui/button';

const AUTOSAVE_DELAY_MS = 1500;
const control = 'mt-1 block w-full rounded border border-[#8a96a6] bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-danger';
const small = buttonClass();

type Notice = { kind: 'status' | 'alert'; text: string };
const same = (a: MinutesText, b: MinutesText) => a.minutes === b.minutes && a.outcome === b.outcome;

/**
 * Minutes, outcome and status of one agenda item while the meeting runs. Nothing typed is lost:
 * - every change is kept in this tab at once, and saved as the author's draft on the server 1.5 s after
 *   typing stops, when a field loses focus and when the tab is hidden; on return the draft is restored;
 * - leaving with text the server does not have yet asks first;
 * - a save that meets an ended session asks to sign in again in place, then completes;
 * - a save that meets a newer version of the item (another note-taker) shows both texts to merge.
 */
export function RecordItemForm({
  meetingId,
  itemId,
  version,
  value,
  authorId,
}: {
  meetingId: string;
  itemId: string;
  version: number;
  value: { minutes: string; outcome: string; status: 'open' | 'besproken' | 'doorgeschoven' };
  authorId: string;
}) {
  const t = useTranslations('meetings');
  const tDraft = useTranslations('minuteDrafts');
  const router = useRouter();
  const { signInAgain } = useSessionGuard();
  const [text, setText] = useState<MinutesText>({ minutes: value.minutes, outcome: value.outcome });
  const [status, setStatus] = useState<'open' | 'besproken'>(value.status === 'besproken' ? 'besproken' : 'open');
  const [persisted, setPersisted] = useState<MinutesText>({ minutes: value.minutes, outcome: value.outcome });
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [merge, setMerge] = useState<SavedItem | null>(null);
  const [pending, setPending] = useState(false);
  const base = useRef(version);
  const draftVersion = useRef<number | null>(null);
  const latest = useRef(text);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const loaded = useRef(false);
  const dirty = !same(text, persisted);

  useLeaveGuard(dirty, tDraft('leave'));

  const problem = useCallback(
    (answer: Exclude<Answer<unknown>, { ok: true }>): Notice => ({
      kind: 'alert',
      text:
        answer.status === 'offline'
          ? tDraft('offline')
          : answer.status === 503
            ? tDraft('databaseAway')
            : `${answer.error ?? tDraft('failed')} ${tDraft('keptHere')}`,
    }),
    [tDraft],
  );

  // On arrival: the newest of this tab's copy and the server draft wins, unless it is what is saved anyway.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const local = localCopy.read(authorId, itemId);
      const answer = await minutesApi.getDraft(meetingId, itemId);
      if (cancelled) return;
      const server = answer.ok ? answer.data.draft : null;
      draftVersion.current = server?.version ?? null;
      const serverText = server ? { minutes: server.minutes, outcome: server.outcome } : { minutes: value.minutes, outcome: value.outcome };
      const localIsNewer = local && !same(local, serverText) && (!server || local.savedAt >= Date.parse(server.updatedAt));
      const restore = localIsNewer ? { ...local, at: local.savedAt } : server ? { ...server, at: server.updatedAt } : null;
      setPersisted(serverText);
      if (restore && !(same(restore, value) && restore.baseVersion === version)) {
        base.current = restore.baseVersion;
        latest.current = { minutes: restore.minutes, outcome: restore.outcome };
        setText(latest.current);
        setRestoredAt(amsterdamTime(restore.at));
      } else if (local) {
        localCopy.clear(authorId, itemId);
      }
      loaded.current = true;
    })();
    return () => {
      cancelled = true;
    };
    // Only on arrival: later renders bring the same item.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const saveDraft = useCallback(
    async (keepalive = false): Promise<void> => {
      const sent = latest.current;
      const body = { ...sent, baseVersion: base.current, version: draftVersion.current };
      let answer = await minutesApi.saveDraft(meetingId, itemId, body, keepalive);
      if (!answer.ok && answer.status === 409) {
        // This author's draft moved on in another tab: this tab's text is the one on screen, so it goes on top.
        const current = await minutesApi.getDraft(meetingId, itemId);
        draftVersion.current = current.ok ? (current.data.draft?.version ?? null) : draftVersion.current;
        answer = await minutesApi.saveDraft(meetingId, itemId, { ...body, version: draftVersion.current }, keepalive);
      }
      if (!answer.ok && answer.status === 401 && !keepalive) {
        if (await signInAgain()) return saveDraft();
      }
      if (answer.ok) {
        draftVersion.current = answer.data.draft.version;
        setPersisted(sent);
        // "Saved" only when it is true of what is on screen; newer typing is saved by the next round.
        if (same(latest.current, sent)) setNotice({ kind: 'status', text: tDraft('draftSaved', { time: amsterdamTime(answer.data.draft.updatedAt) }) });
      } else {
        setNotice(problem(answer));
      }
    },
    [meetingId, itemId, signInAgain, tDraft, problem],
  );

  const flush = useCallback(
    (keepalive = false) => {
      window.clearTimeout(timer.current);
      if (!loaded.current || same(latest.current, persisted)) return inFlight.current ?? Promise.resolve();
      const run = (inFlight.current ?? Promise.resolve()).then(() => saveDraft(keepalive));
      inFlight.current = run.finally(() => {
        if (inFlight.current === run) inFlight.current = null;
      });
      return inFlight.current;
    },
    [persisted, saveDraft],
  );

  useEffect(() => {
    if (!loaded.current || !dirty) return;
    timer.current = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer.current);
  }, [text, dirty, flush]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush(true);
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
    };
  }, [flush]);

  function change(field: keyof MinutesText, next: string) {
    latest.current = { ...latest.current, [field]: next };
    setText(latest.current);
    setNotice((n) => (n?.kind === 'status' ? null : n));
    localCopy.write(authorId, itemId, { ...latest.current, baseVersion: base.current, savedAt: Date.now() });
  }

  async function saveItem(toSave: MinutesText, againstVersion: number): Promise<void> {
    window.clearTimeout(timer.current);
    setPending(true);
    setFieldErrors({});
    await inFlight.current;
    const answer = await minutesApi.saveItem(meetingId, itemId, { ...toSave, status, version: againstVersion });
    if (!answer.ok && answer.status === 401) {
      setPending(false);
      if (await signInAgain()) return saveItem(toSave, againstVersion);
      setNotice({ kind: 'alert', text: tDraft('notSignedIn') });
      return;
    }
    setPending(false);
    if (answer.ok) {
      const saved = { minutes: answer.data.minutes, outcome: answer.data.outcome };
      base.current = answer.data.version;
      draftVersion.current = null;
      latest.current = saved;
      setText(saved);
      setPersisted(saved);
      setMerge(null);
      setRestoredAt(null);
      localCopy.clear(authorId, itemId);
      setNotice({ kind: 'status', text: t('record.saved') });
      router.refresh();
    } else if (answer.status === 409 && answer.current) {
      setMerge(answer.current);
      setNotice({ kind: 'alert', text: tDraft('conflict') });
    } else {
      if (answer.status !== 'offline') setFieldErrors(answer.fieldErrors ?? {});
      setNotice(problem(answer));
    }
  }

  const errorOf = (name: string) => fieldErrors[name]?.[0];

  return (
    <div className="space-y-3" data-testid="record-item">
      {restoredAt ? <p className="rounded border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">{tDraft('restored', { time: restoredAt })}</p> : null}
      {merge ? (
        <MergeView theirs={merge} mine={latest.current} pending={pending} onSave={(merged) => void saveItem(merged, merge.version)} />
      ) : (
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            void saveItem(latest.current, base.current);
          }}
        >
          <Area
            id={`minutes-${itemId}`}
            label={t('record.minutes')}
            hint={t('record.minutesHint')}
            rows={5}
            value={text.minutes}
            error={errorOf('minutes')}
            onChange={(v) => change('minutes', v)}
            onBlur={() => void flush()}
          />
          <Area id={`outcome-${itemId}`} label={t('record.outcome')} rows={2} value={text.outcome} error={errorOf('outcome')} onChange={(v) => change('outcome', v)} onBlur={() => void flush()} />
          <div>
            <label htmlFor={`status-${itemId}`} className="block text-sm font-medium">
              {t('record.status')}
            </label>
            <select id={`status-${itemId}`} value={status} onChange={(e) => setStatus(e.target.value === 'besproken' ? 'besproken' : 'open')} className={control}>
              {(['open', 'besproken'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`itemStatuses.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={pending} className={small}>
            {t('record.save')}
          </button>
        </form>
      )}
      <p role="status" className={notice?.kind === 'status' ? 'text-sm text-ok' : 'sr-only'}>
        {notice?.kind === 'status' ? notice.text : ''}
      </p>
      {notice?.kind === 'alert' ? (
        <p role="alert" className="rounded border border-danger bg-danger-50 px-3 py-2 text-sm text-danger">
          {notice.text}
        </p>
      ) : null}
    </div>
  );
}

function Area(props: { id: string; label: string; hint?: string; rows: number; value: string; error?: string; onChange(v: string): void; onBlur(): void }) {
  const described = [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm font-medium">
        {props.label}
      </label>
      {props.hint ? (
        <p id={`${props.id}-hint`} className="text-xs text-muted">
          {props.hint}
        </p>
      ) : null}
      <textarea
        id={props.id}
        rows={props.rows}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={props.onBlur}
        className={control}
      />
      {props.error ? (
        <p id={`${props.id}-error`} className="mt-1 text-sm text-danger">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
