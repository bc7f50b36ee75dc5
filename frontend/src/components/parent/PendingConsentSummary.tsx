import { FileSignature } from 'lucide-react';
import { cn } from '@/lib/cn';

/** "2 requests wait for your answer", or a calm line when none do. Nothing while the count loads. */
export function PendingConsentSummary({ count, className }: { count: number | undefined; className?: string }) {
  if (count === undefined) return null;
  return (
    <p
      role="status"
      data-testid="pending-consent-count"
      data-count={count}
      className={cn(
        'flex items-center gap-3 rounded-xl border px-4 py-3 text-[15px]',
        count > 0 ? 'border-brand/40 bg-brand-soft text-fg' : 'border-line bg-card text-fg-muted',
        className,
      )}
    >
      <FileSignature className={cn('size-5 shrink-0', count > 0 ? 'text-brand-text' : 'text-fg-subtle')} aria-hidden="true" />
      {count === 0 && 'No requests wait for your answer.'}
      {count === 1 && (
        <span>
          <strong className="font-semibold">1 request</strong> waits for your answer.
        </span>
      )}
      {count > 1 && (
        <span>
          <strong className="font-semibold">{count} requests</strong> wait for your answer.
        </span>
      )}
    </p>
  );
}
