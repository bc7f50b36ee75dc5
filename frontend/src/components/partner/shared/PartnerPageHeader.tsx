import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ChevronRight } from 'lucide-react';
import { cn } from '@/lib/cn';
import { TruncatedText } from './TruncatedText';

export interface Breadcrumb {
  label: string;
  to?: string;
}

export interface PartnerPageHeaderProps {
  title: string;
  description?: ReactNode;
  breadcrumbs?: Breadcrumb[];
  actions?: ReactNode;
}

/** Page title with breadcrumbs and actions; the page's only h1. */
export function PartnerPageHeader({ title, description, breadcrumbs, actions }: PartnerPageHeaderProps) {
  return (
    <header className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">
        {breadcrumbs && breadcrumbs.length > 0 && (
          <nav aria-label="Breadcrumb" className="mb-2">
            <ol className="flex flex-wrap items-center gap-1 text-xs text-fg-subtle">
              {breadcrumbs.map((crumb, i) => {
                const last = i === breadcrumbs.length - 1;
                return (
                  <li key={`${crumb.label}-${i}`} className="flex min-w-0 max-w-full items-center gap-1">
                    {/* A crumb may be a user-typed name (a program, a child): cut, with the whole name as a tooltip. */}
                    {crumb.to && !last ? (
                      <Link to={crumb.to} className="min-w-0 rounded transition-colors hover:text-fg">
                        <TruncatedText text={crumb.label} className="max-w-[14rem]" />
                      </Link>
                    ) : (
                      <TruncatedText text={crumb.label} aria-current={last ? 'page' : undefined} className={cn('max-w-[14rem]', last && 'text-fg-muted')} />
                    )}
                    {!last && <ChevronRight className="size-3" aria-hidden="true" />}
                  </li>
                );
              })}
            </ol>
          </nav>
        )}
        <h1 className="text-2xl font-semibold tracking-tight text-fg [overflow-wrap:anywhere]">{title}</h1>
        {description && <p className="mt-1 max-w-2xl text-sm text-fg-muted">{description}</p>}
      </div>
      {actions && <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div>}
    </header>
  );
}
