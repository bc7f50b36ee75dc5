import { useId, useState, type ReactNode } from 'react';
import { CircleHelp } from 'lucide-react';

/** A "?" button that shows an explanation on hover, focus or tap; the text is its accessible description. */
export function InfoTooltip({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span className="relative inline-flex" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className="rounded-full p-0.5 text-fg-subtle hover:text-fg"
        aria-label={label}
        aria-describedby={id}
        aria-expanded={open}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        data-testid={testId}
      >
        <CircleHelp className="size-3.5" aria-hidden="true" />
      </button>
      <span
        id={id}
        role="tooltip"
        className={
          open
            ? 'absolute right-0 top-6 z-30 w-72 max-w-[80vw] rounded-lg border border-line-strong bg-elevated p-3 text-left text-xs font-normal leading-relaxed text-fg-muted shadow-xl shadow-black/50'
            : 'sr-only'
        }
      >
        {children}
      </span>
    </span>
  );
}
