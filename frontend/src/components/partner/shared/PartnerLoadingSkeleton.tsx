import { useTranslation } from '@/i18n/use-translation';
import { cn } from '@/lib/cn';

export interface PartnerLoadingSkeletonProps {
  variant?: 'stats' | 'cards' | 'table' | 'chart' | 'lines';
  /** How many blocks (stat cards, cards, rows or lines). */
  count?: number;
  /** Announced to screen readers. */
  label?: string;
  className?: string;
}

function Bone({ className }: { className?: string }) {
  return <div className={cn('animate-pulse rounded-md bg-elevated', className)} />;
}

/** Placeholder shapes while data loads; announced once as a status. */
export function PartnerLoadingSkeleton({ variant = 'lines', count, label, className }: PartnerLoadingSkeletonProps) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" aria-busy="true" data-testid={`skeleton-${variant}`} className={className}>
      <span className="sr-only">{label ?? t('common.loading')}…</span>
      {variant === 'stats' && (
        <div className="grid grid-cols-1 gap-4 min-[420px]:grid-cols-2 lg:grid-cols-4" aria-hidden="true">
          {Array.from({ length: count ?? 4 }, (_, i) => (
            <div key={i} className="card flex flex-col gap-3 p-4">
              <Bone className="h-3 w-24" />
              <Bone className="h-7 w-20" />
              <Bone className="h-3 w-32" />
            </div>
          ))}
        </div>
      )}
      {variant === 'cards' && (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4" aria-hidden="true">
          {Array.from({ length: count ?? 4 }, (_, i) => (
            <div key={i} className={cn('card flex flex-col gap-4 p-5', i === 0 && 'sm:col-span-2')}>
              <Bone className="h-4 w-36" />
              <Bone className="h-40 w-full" />
            </div>
          ))}
        </div>
      )}
      {variant === 'chart' && <Bone className="h-56 w-full" />}
      {variant === 'table' && (
        <div className="flex flex-col gap-2" aria-hidden="true">
          <Bone className="h-8 w-full" />
          {Array.from({ length: count ?? 5 }, (_, i) => (
            <Bone key={i} className="h-6 w-full opacity-70" />
          ))}
        </div>
      )}
      {variant === 'lines' && (
        <div className="flex flex-col gap-2" aria-hidden="true">
          {Array.from({ length: count ?? 3 }, (_, i) => (
            <Bone key={i} className={cn('h-4', i % 3 === 2 ? 'w-2/3' : 'w-full')} />
          ))}
        </div>
      )}
    </div>
  );
}
