/** The server's answer to a failed approval or rejection. */
export function ReviewErrorMessage({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-lg border border-brand/40 bg-brand-soft px-3 py-2 text-sm text-fg" data-testid="program-review-error">
      {message}
    </p>
  );
}
