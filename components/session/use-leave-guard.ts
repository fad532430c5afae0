'use client';

import { useEffect, useRef } from 'react';

/**
 * While `dirty`, leaving the page asks first: closing or reloading the tab (the browser's own
 * `beforeunload` prompt) and following a link inside the app (a confirm with `message`). Links are caught
 * in the capture phase, before Next's router sees the click; new tabs and downloads are let through.
 */
export function useLeaveGuard(dirty: boolean, message: string) {
  const state = useRef({ dirty, message });
  useEffect(() => {
    state.current = { dirty, message };
  }, [dirty, message]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!state.current.dirty) return;
      event.preventDefault();
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (!state.current.dirty || event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download')) return;
      const to = new URL(link.href, window.location.href);
      if (to.origin !== window.location.origin) return;
      if (to.pathname === window.location.pathname && to.search === window.location.search) return;
      if (!window.confirm(state.current.message)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, { capture: true });
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, { capture: true });
    };
  }, []);
}
