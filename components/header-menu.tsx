'use client';

import { usePathname } from 'next/navigation';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/**
 * On a phone the signed-in user, the account link, the language and signing out fold away behind one
 * "Menu" button, so the header is a single line; from `sm` up they stand in the header as they are. The
 * menu closes when the page changes and on Escape (the focus goes back to the button).
 */
export function HeaderMenu({ label, children }: { label: string; children: ReactNode }) {
  const pathname = usePathname();
  // Open on the page where it was opened: navigating elsewhere closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const button = useRef<HTMLButtonElement>(null);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpenOn(null);
    button.current?.focus();
  };
  return (
    <div className="contents" onKeyDown={closeOnEscape}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="header-menu"
        onClick={() => setOpenOn(open ? null : pathname)}
        className="rounded border border-white/60 px-3 py-1 text-sm font-medium hover:bg-white/10 sm:hidden"
      >
        {label}
      </button>
      <div
        id="header-menu"
        className={`${open ? 'flex' : 'hidden'} w-full flex-col items-start gap-3 border-t border-white/20 pt-3 sm:flex sm:w-auto sm:flex-row sm:flex-wrap sm:items-center sm:justify-end sm:gap-4 sm:border-0 sm:pt-0`}
      >
        {children}
      </div>
    </div>
  );
}
