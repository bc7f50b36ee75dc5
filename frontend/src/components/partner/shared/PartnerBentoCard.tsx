import type { ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import { cn } from '@/lib/cn';

const COL_SPAN = {
  1: '',
  2: 'sm:col-span-2',
  3: 'sm:col-span-2 xl:col-span-3',
  4: 'sm:col-span-2 xl:col-span-4',
} as const;

const ROW_SPAN = { 1: '', 2: 'xl:row-span-2' } as const;

export interface PartnerBentoCardProps {
  title: string;
  description?: ReactNode;
  icon?: LucideIcon;
  /** Header action, e.g. a link or a button. */
  action?: ReactNode;
  footer?: ReactNode;
  colSpan?: keyof typeof COL_SPAN;
  rowSpan?: keyof typeof ROW_SPAN;
  id?: string;
  testId?: string;
  className?: string;
  children: ReactNode;
}

/** A card of the bento grid: titled section with optional action and footer. */
export function PartnerBentoCard({
  title,
  description,
  icon: Icon,
  action,
  footer,
  colSpan = 1,
  rowSpan = 1,
  id,
  testId,
  className,
  children,
}: PartnerBentoCardProps) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section
      id={id}
      data-testid={testId}
      aria-labelledby={headingId}
      aria-label={headingId ? undefined : title}
      className={cn('card flex min-w-0 scroll-mt-24 flex-col', COL_SPAN[colSpan], ROW_SPAN[rowSpan], className)}
    >
      <div className="flex items-start justify-between gap-3 px-5 pt-5">
        <div className="flex min-w-0 items-start gap-3">
          {Icon && (
            <span className="mt-0.5 grid size-8 shrink-0 place-items-center rounded-lg bg-brand-soft text-brand-text" aria-hidden="true">
              <Icon className="size-4" />
            </span>
          )}
          <div className="min-w-0">
            <h2 id={headingId} className="text-sm font-semibold text-fg">
              {title}
            </h2>
            {description && <p className="mt-0.5 text-xs text-fg-subtle">{description}</p>}
          </div>
        </div>
        {action && <div className="shrink-0">{action}</div>}
      </div>
      <div className="flex-1 px-5 pb-5 pt-4">{children}</div>
      {footer && <div className="border-t border-line px-5 py-3 text-xs text-fg-muted">{footer}</div>}
    </section>
  );
}

/** The responsive grid the bento cards sit in: 1 column on phones, 2 on tablets, 4 on wide screens. */
export function PartnerBentoGrid({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cn('grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4', className)}>{children}</div>;
}
