export function PageTitle({ children, description }: { children: React.ReactNode; description?: React.ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold tracking-tight text-ink">{children}</h1>
      {description ? <p className="mt-1 max-w-prose text-muted">{description}</p> : null}
    </div>
  );
}
