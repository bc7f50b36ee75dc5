import { useMemo, useState } from 'react';
import { Upload } from 'lucide-react';
import { PartnerBentoCard, PartnerLoadingSkeleton } from '@/components/partner/shared';
import { isApiError } from '@/lib/api';
import { formatNumber } from '@/lib/format';
import { useImportCommit, useImportDryRun, type ImportCommitResponse, type ImportDryRunResponse } from '@/services/partner/enrollments';
import { toast } from '@/store/toastStore';
import type { ProgramResponse } from '@/types/partner';
import { CommitBar } from './CommitBar';
import { CommitRefused, CommitResult, commitRefusedRows } from './CommitOutcome';
import { DryRunPreview } from './DryRunPreview';
import { ImportProgramSelect } from './ImportProgramSelect';
import { UploadDropzone } from './UploadDropzone';

/** A failed upload's words: the field message of a bad file (400 `file`), or the server's detail. */
function uploadError(error: unknown): string | null {
  if (!error) return null;
  if (isApiError(error)) return error.fieldErrors('file')[0] ?? error.fieldErrors('programId')[0] ?? error.detail ?? error.message;
  return error instanceof Error ? error.message : 'The upload failed.';
}

/**
 * Bulk enrolment from a CSV or XLSX file: checked row by row as soon as it is chosen (a dry run), then
 * added all or nothing.
 */
export function BulkUploadCard({ programs }: { programs: ProgramResponse[] }) {
  const [file, setFile] = useState<File | null>(null);
  const [programId, setProgramId] = useState('');
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const [preview, setPreview] = useState<ImportDryRunResponse | null>(null);
  const [committed, setCommitted] = useState<ImportCommitResponse | null>(null);

  const dryRun = useImportDryRun(setProgress);
  const commit = useImportCommit(setProgress);
  const openPrograms = useMemo(() => programs.filter((p) => p.status !== 'COMPLETED' && p.status !== 'CANCELLED'), [programs]);

  const check = (f: File, pid: string) => {
    setPreview(null);
    setCommitted(null);
    commit.reset();
    setProgress(0);
    dryRun.mutate(
      { file: f, programId: pid || undefined },
      {
        onSuccess: setPreview,
        onSettled: () => setProgress(undefined),
      },
    );
  };

  const doCommit = () => {
    if (!file || !preview) return;
    setProgress(0);
    commit.mutate(
      { file, programId: programId || undefined },
      {
        onSuccess: (result) => {
          setCommitted(result);
          setPreview(null);
          setFile(null);
          toast.success(`Enrolled ${formatNumber(result.added)} ${result.added === 1 ? 'child' : 'children'}.`);
        },
        onSettled: () => setProgress(undefined),
      },
    );
  };

  const uploading = dryRun.isPending || commit.isPending;
  const canCommit = !!preview && preview.errorRows === 0 && preview.okRows > 0 && !uploading;
  const commitRefused = commitRefusedRows(commit.error);
  const programChanged = !!preview && !!file && !uploading;

  return (
    <PartnerBentoCard title="Bulk upload" description="Checked row by row before anything is added; then all rows are added, or none" icon={Upload} colSpan={4} testId="upload-card">
      <div className="flex flex-col gap-4">
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[2fr_1fr]">
          <UploadDropzone
            file={file}
            onFile={(f) => {
              // A new file is checked at once.
              setFile(f);
              if (f) check(f, programId);
              else {
                setPreview(null);
                dryRun.reset();
              }
            }}
            progress={progress}
            uploading={uploading}
            error={uploadError(dryRun.error) ?? (commitRefused.length ? null : uploadError(commit.error))}
          />
          <ImportProgramSelect
            programs={openPrograms}
            value={programId}
            onChange={setProgramId}
            onCheckAgain={programChanged ? () => file && check(file, programId) : undefined}
          />
        </div>

        {dryRun.isPending && <PartnerLoadingSkeleton variant="table" label="Checking the file" />}

        {committed && <CommitResult committed={committed} />}

        {commitRefused.length > 0 && <CommitRefused error={commit.error} rows={commitRefused} />}

        {preview && (
          <>
            <DryRunPreview key={`${preview.fileName}-${preview.totalRows}-${preview.errorRows}`} result={preview} />
            <CommitBar preview={preview} canCommit={canCommit} committing={commit.isPending} onCommit={doCommit} />
          </>
        )}
      </div>
    </PartnerBentoCard>
  );
}
