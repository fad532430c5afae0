'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: '/login' })}
      className="rounded border border-white/60 px-3 py-1 text-sm font-medium hover:bg-white/10"
    >
      {label}
    </button>
  );
}
