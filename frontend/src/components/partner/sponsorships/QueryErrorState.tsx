import { RefreshCw, TriangleAlert } from 'lucide-react';
import { PartnerEmptyState } from '@/components/partner/shared';
import { cn } from '@/lib/cn';

export interface QueryErrorStateProps {
  title: string;
  error: Error | null;
  onRetry?: () => void;
  retrying?: boolean;
  compact?: boolean;
  testId?: string;
}

/** A load that failed: what failed, the server's words, and a way to try again. */
export function QueryErrorState({ title, error, onRetry, retrying, compact, testId = 'query-error' }: QueryErrorStateProps) {
  return (
    <div role="alert" data-testid={testId}>
      <PartnerEmptyState
        compact={compact}
        icon={TriangleAlert}
        title={title}
        description={error?.message ?? 'Something went wrong.'}
        action={
          onRetry && (
            <button type="button" className="btn-secondary" onClick={onRetry} disabled={retrying}>
              <RefreshCw className={cn('size-4', retrying && 'animate-spin')} aria-hidden="true" />
              Try again
            </button>
          )
        }
      />
    </div>
  );
}
