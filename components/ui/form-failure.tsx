/** Why a form was not accepted, announced at once by screen readers; the live region is there before the message. */
export function FormFailure({ message }: { message?: string | null }) {
  return (
    <div aria-live="assertive">
      {message ? (
        <p role="alert" className="rounded border border-danger bg-danger-50 px-3 py-2 text-sm font-medium text-danger">
          {message}
        </p>
      ) : null}
    </div>
  );
}
