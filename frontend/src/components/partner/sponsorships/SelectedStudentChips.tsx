import { X } from 'lucide-react';
import { cn } from '@/lib/cn';
import { formatNumber } from '@/lib/format';
import type { StudentPreview } from '@/types/partner';

export interface SelectedStudentChipsProps {
  selected: Map<string, StudentPreview>;
  /** Children the program already holds (not removed), counted towards its minimum. */
  enrolled: number;
  minChildren: number;
  onRemove: (studentId: string) => void;
}

/**
 * The students picked so far, on every page of the picker, each removable, and the program's count after adding
 * them against its minimum ("10 / min 10").
 */
export function SelectedStudentChips({ selected, enrolled, minChildren, onRemove }: SelectedStudentChipsProps) {
  const after = enrolled + selected.size;
  const met = after >= minChildren;
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-line bg-elevated/40 p-2.5" data-testid="selected-students">
      <p className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 text-xs">
        <span className="text-fg-muted">
          {selected.size === 0 ? 'No students chosen yet. Tick them in the list below.' : `Chosen: ${formatNumber(selected.size)}`}
        </span>
        <span
          className={cn('font-medium tabular-nums', met ? 'text-ok' : 'text-amber-300')}
          data-testid="enrollment-counter"
          aria-label={`${formatNumber(after)} children after adding, minimum ${formatNumber(minChildren)}`}
        >
          {formatNumber(after)} / min {formatNumber(minChildren)}
        </span>
      </p>
      {selected.size > 0 && (
        <ul className="flex max-h-28 flex-wrap gap-1.5 overflow-y-auto" aria-label="Chosen students">
          {[...selected.values()].map((s) => (
            <li key={s.studentId} className="flex items-center gap-1 rounded-full border border-line bg-card py-0.5 pl-2.5 pr-1 text-xs text-fg" data-testid="student-chip">
              <span className="max-w-40 truncate" title={s.displayName}>
                {s.displayName}
              </span>
              <button type="button" className="rounded-full p-0.5 text-fg-subtle hover:bg-elevated hover:text-fg" onClick={() => onRemove(s.studentId)} aria-label={`Remove ${s.displayName} from the chosen students`}>
                <X className="size-3" aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
