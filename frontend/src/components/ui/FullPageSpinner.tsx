import { ElimuMark } from './ElimuMark';

/** Shown while the session is being checked. */
export function FullPageSpinner({ label = 'Loading' }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" className="grid min-h-dvh place-items-center bg-app">
      <div className="flex flex-col items-center gap-4">
        <ElimuMark className="size-10 animate-pulse" />
        <span className="text-sm text-fg-muted">{label}…</span>
      </div>
    </div>
  );
}
