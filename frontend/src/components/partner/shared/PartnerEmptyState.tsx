import type { ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import { Inbox } from 'lucide-react';
import { cn } from '@/lib/cn';

export interface PartnerEmptyStateProps {
  title: string;
  description?: ReactNode;
  icon?: LucideIcon;
  action?: ReactNode;
  /** Smaller padding, for use inside cards. */
  compact?: boolean;
  testId?: string;
  className?: string;
}

/** What a page or card shows when there is nothing to list yet. */
export function PartnerEmptyState({ title, description, icon: Icon = Inbox, action, compact, testId, className }: PartnerEmptyStateProps) {
  return (
    <div
      data-testid={testId ?? 'empty-state'}
      className={cn(
        'flex flex-col items-center justify-center gap-3 rounded-xl border border-dashed border-line text-center',
        compact ? 'px-4 py-8' : 'px-6 py-16',
        className,
      )}
    >
      <span className="grid size-12 place-items-center rounded-full bg-elevated text-fg-muted ring-1 ring-line" aria-hidden="true">
        <Icon className="size-5" />
      </span>
      <div className="max-w-md">
        <h2 className="text-base font-semibold text-fg">{title}</h2>
        {description && <p className="mt-1 text-sm text-fg-muted">{description}</p>}
      </div>
      {action && <div className="mt-1">{action}</div>}
    </div>
  );
}
