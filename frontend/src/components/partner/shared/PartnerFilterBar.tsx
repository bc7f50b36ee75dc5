import { useId, type ReactNode } from 'react';
import { Search, X } from 'lucide-react';
import { shortLabel } from '@/lib/short-label';

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterDefinition {
  key: string;
  label: string;
  value: string;
  options: FilterOption[];
  onChange: (value: string) => void;
}

export interface PartnerFilterBarProps {
  search?: string;
  onSearchChange?: (value: string) => void;
  searchLabel?: string;
  searchPlaceholder?: string;
  filters?: FilterDefinition[];
  /** Shown when any filter or the search is set. */
  onReset?: () => void;
  actions?: ReactNode;
}

/** Search box, select filters and a reset button above a list. */
export function PartnerFilterBar({
  search,
  onSearchChange,
  searchLabel = 'Search',
  searchPlaceholder = 'Search…',
  filters = [],
  onReset,
  actions,
}: PartnerFilterBarProps) {
  const id = useId();
  const active = !!search || filters.some((f) => f.value !== (f.options[0]?.value ?? ''));
  return (
    <div role="search" className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
      {onSearchChange && (
        <div className="relative min-w-0 flex-1 sm:max-w-xs">
          <label htmlFor={`${id}-search`} className="sr-only">
            {searchLabel}
          </label>
          <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-fg-subtle" aria-hidden="true" />
          <input
            id={`${id}-search`}
            type="search"
            className="input pl-9"
            placeholder={searchPlaceholder}
            value={search ?? ''}
            onChange={(e) => onSearchChange(e.target.value)}
          />
        </div>
      )}
      {filters.map((f) => (
        <div key={f.key} className="flex items-center gap-2">
          <label htmlFor={`${id}-${f.key}`} className="text-xs text-fg-subtle">
            {f.label}
          </label>
          <select id={`${id}-${f.key}`} className="input w-auto min-w-0 max-w-[16rem] py-1.5" value={f.value} onChange={(e) => f.onChange(e.target.value)}>
            {f.options.map((o) => (
              <option key={o.value} value={o.value} title={o.label}>
                {shortLabel(o.label)}
              </option>
            ))}
          </select>
        </div>
      ))}
      {onReset && active && (
        <button type="button" className="btn-ghost px-2 py-1.5 text-xs" onClick={onReset}>
          <X className="size-3.5" aria-hidden="true" /> Reset
        </button>
      )}
      {actions && <div className="flex items-center gap-2 sm:ml-auto">{actions}</div>}
    </div>
  );
}
