'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';

export function NavLinks({ items, label }: { items: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  // A link with a query (the stuurgroep report, a view of /signals) is current on exactly that view; the
  // plain link of the same page then is not.
  const viewLink = items.find((item) => item.href === `${pathname}?${search}`);
  return (
    <nav aria-label={label} className="border-b border-line bg-white">
      <ul className="mx-auto flex max-w-6xl gap-x-1 overflow-x-auto px-4 sm:flex-wrap sm:px-6">
        {items.map((item) => {
          const current = viewLink
            ? item === viewLink
            : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={`inline-block whitespace-nowrap border-b-4 px-3 py-3 text-sm font-medium ${
                  current ? 'border-brand-600 text-brand-800' : 'border-transparent text-muted hover:text-ink'
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
