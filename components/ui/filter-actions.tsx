import Link from 'next/link';

/** The end of a filter form: apply, and a link back to the unfiltered list. */
export function FilterActions({ apply, reset, resetHref, className }: { apply: string; reset: string; resetHref: string; className: string }) {
  return (
    <div className={className}>
      <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">
        {apply}
      </button>
      <Link href={resetHref} className="text-sm font-medium text-brand-700 underline">
        {reset}
      </Link>
    </div>
  );
}
