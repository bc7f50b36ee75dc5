import { useId, useRef, useState, type DragEvent } from 'react';
import { FileSpreadsheet, UploadCloud, X } from 'lucide-react';
import { cn } from '@/lib/cn';
import { formatNumber } from '@/lib/format';

export const ACCEPTED = '.csv,.xlsx';
const MAX_BYTES = 5 * 1024 * 1024;

export interface UploadDropzoneProps {
  file: File | null;
  onFile: (file: File | null) => void;
  /** 0–1 while uploading; null while uploading without a measurable size; undefined when idle. */
  progress?: number | null;
  uploading?: boolean;
  error?: string | null;
}

function problemWith(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xls')) return 'Old Excel files (.xls) cannot be read; save it as .xlsx or CSV.';
  if (!name.endsWith('.csv') && !name.endsWith('.xlsx')) return 'Choose a .csv or .xlsx file.';
  if (file.size === 0) return 'The file is empty.';
  if (file.size > MAX_BYTES) return 'The file is larger than 5 MB; split it into smaller files.';
  return null;
}

const sizeOf = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${formatNumber(bytes / 1024, 1)} KB` : `${formatNumber(bytes / 1024 / 1024, 1)} MB`);

/** Drop a CSV or XLSX file here, or click to choose one; shows the file and the upload's progress. */
export function UploadDropzone({ file, onFile, progress, uploading, error }: UploadDropzoneProps) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);

  const take = (f: File | undefined) => {
    if (!f) return;
    const problem = problemWith(f);
    setLocalError(problem);
    onFile(problem ? null : f);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    take(e.dataTransfer.files?.[0]);
  };
  const shownError = localError ?? error;

  return (
    <div className="flex flex-col gap-2">
      <label
        htmlFor={inputId}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="dropzone"
        data-dragging={dragging}
        className={cn(
          'flex cursor-pointer flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed px-4 py-8 text-center transition-colors',
          dragging ? 'border-brand bg-brand-soft' : 'border-line-strong bg-card hover:border-fg-subtle',
          uploading && 'pointer-events-none opacity-70',
        )}
      >
        <span className="grid size-12 place-items-center rounded-full bg-elevated text-fg-muted ring-1 ring-line" aria-hidden="true">
          <UploadCloud className="size-5" />
        </span>
        <span className="text-sm font-medium text-fg">
          Drop a CSV or Excel file here, or <span className="text-brand-text underline">choose one</span>
        </span>
        <span className="text-xs text-fg-subtle">.csv or .xlsx, up to 5 MB and 20,000 rows. Columns: student_id, or admission_number and school; program.</span>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept={ACCEPTED}
          className="sr-only"
          onChange={(e) => {
            take(e.target.files?.[0]);
            e.target.value = '';
          }}
          data-testid="file-input"
        />
      </label>

      {file && (
        <div className="flex items-center gap-3 rounded-lg border border-line bg-card px-3 py-2" data-testid="chosen-file">
          <FileSpreadsheet className="size-5 shrink-0 text-ok" aria-hidden="true" />
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm text-fg">{file.name}</p>
            <p className="text-xs text-fg-subtle">{sizeOf(file.size)}</p>
            {uploading && (
              <div
                className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-elevated"
                role="progressbar"
                aria-label="Uploading the file"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={typeof progress === 'number' ? Math.round(progress * 100) : undefined}
                data-testid="upload-progress"
              >
                {typeof progress === 'number' ? (
                  <div className="h-full rounded-full bg-brand transition-[width]" style={{ width: `${Math.round(progress * 100)}%` }} />
                ) : (
                  <div className="h-full w-1/3 animate-pulse rounded-full bg-brand" />
                )}
              </div>
            )}
          </div>
          {!uploading && (
            <button type="button" className="btn-ghost p-1.5" onClick={() => onFile(null)} aria-label="Remove the file">
              <X className="size-4" aria-hidden="true" />
            </button>
          )}
        </div>
      )}
      {shownError && (
        <p role="alert" className="text-sm text-brand-text" data-testid="upload-error">
          {shownError}
        </p>
      )}
    </div>
  );
}
