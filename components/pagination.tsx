import Link from 'next/link';

interface Props {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  labels: { previous: string; next: string; page: string };
}

export function Pagination({ page, pages, hrefFor, labels }: Props) {
  if (pages <= 1) return null;
  const link = 'rounded border border-line bg-white px-3 py-1.5 text-sm font-medium hover:border-brand-600';
  return (
    <nav aria-label={labels.page} className="mt-4 flex items-center justify-between">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className={link} rel="prev">
          {labels.previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-muted">{labels.page}</span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} className={link} rel="next">
          {labels.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
