import { useId } from 'react';
import { Search, X } from 'lucide-react';
import type { FilterOption } from '@/components/partner/shared';
import { shortLabel } from '@/lib/short-label';

export interface ChildFilterSelect {
  key: string;
  label: string;
  value: string;
  options: FilterOption[];
  onChange: (value: string) => void;
}

export interface ChildFiltersProps {
  search: string;
  onSearchChange: (value: string) => void;
  selects: ChildFilterSelect[];
  alertsOnly: boolean;
  onAlertsOnlyChange: (value: boolean) => void;
  /** Shown when a filter is set. */
  onReset?: () => void;
}

/** The children list's filters: a search box, one select per filter and "alerts only", laid out on a grid. */
export function ChildFilters({ search, onSearchChange, selects, alertsOnly, onAlertsOnlyChange, onReset }: ChildFiltersProps) {
  const id = useId();
  return (
    <div role="search" className="grid grid-cols-2 gap-2 md:grid-cols-3 xl:grid-cols-6 xl:items-end" data-testid="child-filters">
      <div className="col-span-2 flex flex-col gap-1 md:col-span-3 xl:col-span-2">
        <label htmlFor={`${id}-search`} className="text-xs text-fg-subtle">
          Search children by name
        </label>
        <div className="relative">
          <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-fg-subtle" aria-hidden="true" />
          <input id={`${id}-search`} type="search" className="input pl-9" placeholder="Search by name…" value={search} onChange={(e) => onSearchChange(e.target.value)} />
        </div>
      </div>
      {selects.map((f) => (
        <div key={f.key} className="flex min-w-0 flex-col gap-1">
          <label htmlFor={`${id}-${f.key}`} className="text-xs text-fg-subtle">
            {f.label}
          </label>
          <select id={`${id}-${f.key}`} className="input max-w-full" value={f.value} onChange={(e) => f.onChange(e.target.value)}>
            {f.options.map((o) => (
              <option key={o.value} value={o.value} title={o.label}>
                {shortLabel(o.label)}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="col-span-2 flex items-center gap-3 md:col-span-3 xl:col-span-6">
        <label className="inline-flex cursor-pointer items-center gap-2 text-sm text-fg-muted">
          <input type="checkbox" className="size-4 accent-[#E40000]" checked={alertsOnly} onChange={(e) => onAlertsOnlyChange(e.target.checked)} data-testid="alerts-only" />
          Alerts only (no learning for 7 days)
        </label>
        {onReset && (
          <button type="button" className="btn-ghost px-2 py-1 text-xs" onClick={onReset}>
            <X className="size-3.5" aria-hidden="true" /> Reset
          </button>
        )}
      </div>
    </div>
  );
}
