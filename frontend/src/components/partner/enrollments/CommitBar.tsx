import { CheckCircle2, Loader2 } from 'lucide-react';
import { formatNumber } from '@/lib/format';
import type { ImportDryRunResponse } from '@/services/partner/enrollments';

export interface CommitBarProps {
  preview: ImportDryRunResponse;
  canCommit: boolean;
  committing: boolean;
  onCommit: () => void;
}

/** Under the dry run: what is left to do, and the button that enrols every ready row. */
export function CommitBar({ preview, canCommit, committing, onCommit }: CommitBarProps) {
  return (
    <div className="flex flex-col gap-2 border-t border-line pt-4 sm:flex-row sm:items-center sm:justify-between">
      <p className="text-sm text-fg-muted" data-testid="commit-hint">
        {preview.errorRows > 0
          ? `Fix the ${formatNumber(preview.errorRows)} row${preview.errorRows === 1 ? '' : 's'} with problems (or remove them from the file) and upload it again. Nothing is added while any row has a problem.`
          : preview.okRows === 0
            ? 'The file has no rows to add.'
            : `All ${formatNumber(preview.okRows)} rows are ready.`}
      </p>
      <button type="button" className="btn-primary" onClick={onCommit} disabled={!canCommit} data-testid="commit-import">
        {committing ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : <CheckCircle2 className="size-4" aria-hidden="true" />}
        Enrol {formatNumber(preview.okRows)} {preview.okRows === 1 ? 'child' : 'children'}
      </button>
    </div>
  );
}
