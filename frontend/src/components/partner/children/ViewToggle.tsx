import { LayoutGrid, Rows3 } from 'lucide-react';
import { cn } from '@/lib/cn';

export type ChildViewMode = 'individual' | 'cohort';

/** Shows the children one by one (cards) or grouped by program. */
export function ViewToggle({ value, onChange }: { value: ChildViewMode; onChange: (mode: ChildViewMode) => void }) {
  const options: { mode: ChildViewMode; label: string; icon: typeof LayoutGrid }[] = [
    { mode: 'individual', label: 'Individual', icon: LayoutGrid },
    { mode: 'cohort', label: 'By program', icon: Rows3 },
  ];
  return (
    <div role="group" aria-label="How to show the children" className="inline-flex rounded-lg border border-line bg-card p-0.5" data-testid="view-toggle">
      {options.map(({ mode, label, icon: Icon }) => (
        <button
          key={mode}
          type="button"
          aria-pressed={value === mode}
          onClick={() => onChange(mode)}
          className={cn(
            'inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-xs font-medium transition-colors',
            value === mode ? 'bg-elevated text-fg' : 'text-fg-muted hover:text-fg',
          )}
          data-testid={`view-${mode}`}
        >
          <Icon className="size-3.5" aria-hidden="true" />
          {label}
        </button>
      ))}
    </div>
  );
}
