import { cn } from '@/lib/cn';

export interface StatusChipOption<T extends string> {
  value: T;
  label: string;
  count?: number;
}

export interface StatusChipsProps<T extends string> {
  label: string;
  options: StatusChipOption<T>[];
  value: T;
  onChange: (value: T) => void;
  testId?: string;
}

/** A row of filter chips; exactly one is pressed. Scrolls sideways on narrow screens. */
export function StatusChips<T extends string>({ label, options, value, onChange, testId }: StatusChipsProps<T>) {
  return (
    <div role="group" aria-label={label} data-testid={testId} className="-mx-1 flex gap-1.5 overflow-x-auto px-1 pb-1">
      {options.map((o) => {
        const active = o.value === value;
        return (
          <button
            key={o.value || 'all'}
            type="button"
            aria-pressed={active}
            onClick={() => onChange(o.value)}
            className={cn(
              'inline-flex shrink-0 items-center gap-1.5 rounded-full border px-3 py-1 text-xs font-medium transition-colors',
              active ? 'border-brand bg-brand-soft text-fg' : 'border-line bg-card text-fg-muted hover:border-line-strong hover:text-fg',
            )}
          >
            {o.label}
            {o.count !== undefined && <span className="tabular-nums text-fg-subtle">{o.count}</span>}
          </button>
        );
      })}
    </div>
  );
}
