/** A page-level error in Dutch (a bad filter, a rate limit): announced, and nothing when there is none. */
export function ErrorNotice({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="mb-4 rounded border border-danger bg-danger-50 px-3 py-2 text-sm text-danger">
      {message}
    </p>
  );
}
