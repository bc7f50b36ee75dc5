import { RefreshCw } from 'lucide-react';
import type { ProgramResponse } from '@/types/partner';
import { shortLabel } from '@/lib/short-label';

export interface ImportProgramSelectProps {
  /** Programs still open to new children. */
  programs: ProgramResponse[];
  value: string;
  onChange: (programId: string) => void;
  /** Shown once a file has been checked: checks it again against the program now chosen. */
  onCheckAgain?: () => void;
}

/** The program for rows whose file names none. */
export function ImportProgramSelect({ programs, value, onChange, onCheckAgain }: ImportProgramSelectProps) {
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor="import-program" className="text-xs font-medium text-fg-muted">
        Program for rows that name none
      </label>
      <select id="import-program" className="input max-w-full" value={value} onChange={(e) => onChange(e.target.value)} data-testid="import-program">
        <option value="">Use the file’s program column</option>
        {programs.map((p) => (
          <option key={p.id} value={p.id} title={p.name}>
            {shortLabel(p.name)}
          </option>
        ))}
      </select>
      <p className="text-xs text-fg-subtle">
        Used when the file has no <code>program</code> column, or a row leaves it blank. Rows naming a program by name or id go to that program.
      </p>
      {onCheckAgain && (
        <button type="button" className="btn-secondary self-start px-3 py-1.5 text-xs" onClick={onCheckAgain}>
          <RefreshCw className="size-3.5" aria-hidden="true" /> Check again
        </button>
      )}
    </div>
  );
}
