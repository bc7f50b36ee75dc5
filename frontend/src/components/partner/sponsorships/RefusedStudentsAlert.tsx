import type { RefusedStudent, StudentPreview } from '@/types/partner';

const REASONS: Record<string, string> = {
  not_found: 'Not found',
  duplicate_in_request: 'Chosen twice',
  already_in_program: 'Already in this program',
  in_another_program: 'In another of your programs',
  over_max_children: 'Over the maximum',
  not_available: 'Not available',
};

export interface RefusedStudentsAlertProps {
  refused: RefusedStudent[];
  selected: Map<string, StudentPreview>;
  /** Unticks the refused students so the rest can be added. */
  onDropRefused: () => void;
}

/** 422 children_refused: nothing was added; each refused student with its reason. */
export function RefusedStudentsAlert({ refused, selected, onDropRefused }: RefusedStudentsAlertProps) {
  return (
    <div role="alert" className="rounded-lg border border-brand/40 bg-brand-soft p-3 text-sm text-fg" data-testid="refused-list">
      <p className="font-medium">
        {refused.length} of {selected.size} students were refused, so nothing was added.
      </p>
      <ul className="mt-2 flex flex-col gap-1 text-xs">
        {refused.map((r) => (
          <li key={`${r.studentId}-${r.reason}`} data-testid="refused-item">
            <span className="font-medium">{selected.get(r.studentId)?.displayName ?? r.studentId}</span>
            {' — '}
            <span className="text-fg-muted">{REASONS[r.reason] ?? r.reason}:</span> {r.message}
          </li>
        ))}
      </ul>
      <button type="button" className="btn-secondary mt-3 px-3 py-1.5 text-xs" onClick={onDropRefused}>
        Drop the refused students
      </button>
    </div>
  );
}
