import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { CheckCircle2, FileDown, Loader2, RefreshCw, TrendingUp, Upload } from 'lucide-react';
import { PartnerBentoCard, PartnerBentoGrid, PartnerEmptyState, PartnerLoadingSkeleton, PartnerPageHeader } from '@/components/partner/shared';
import { CohortChart } from '@/components/partner/enrollments/CohortChart';
import { DryRunPreview } from '@/components/partner/enrollments/DryRunPreview';
import { UploadDropzone } from '@/components/partner/enrollments/UploadDropzone';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { isApiError } from '@/lib/api';
import { formatNumber } from '@/lib/format';
import {
  normaliseCohorts,
  templateUrl,
  useCohorts,
  useImportCommit,
  useImportDryRun,
  type ImportCommitResponse,
  type ImportDryRunResponse,
  type ImportRowResult,
} from '@/services/partner/enrollments';
import { usePrograms } from '@/services/partner/sponsorships';
import { toast } from '@/store/toastStore';

/** A failed upload's words: the field message of a bad file (400 `file`), or the server's detail. */
function uploadError(error: unknown): string | null {
  if (!error) return null;
  if (isApiError(error)) return error.fieldErrors('file')[0] ?? error.fieldErrors('programId')[0] ?? error.detail ?? error.message;
  return error instanceof Error ? error.message : 'The upload failed.';
}

/**
 * `/dashboard/partner/enrollments`: enrol children in bulk from a CSV or XLSX file (checked row by row
 * first, then added all or nothing) and follow each cohort through consent week by week.
 */
export default function EnrollmentsPage() {
  const [file, setFile] = useState<File | null>(null);
  const [programId, setProgramId] = useState('');
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const [preview, setPreview] = useState<ImportDryRunResponse | null>(null);
  const [committed, setCommitted] = useState<ImportCommitResponse | null>(null);
  const [cohortProgram, setCohortProgram] = useState('');

  const dryRun = useImportDryRun(setProgress);
  const commit = useImportCommit(setProgress);
  const programs = usePrograms({ pageSize: 100 });
  const cohorts = useCohorts(cohortProgram, 12);
  const openPrograms = useMemo(() => (programs.data?.items ?? []).filter((p) => p.status !== 'COMPLETED' && p.status !== 'CANCELLED'), [programs.data]);
  const cohortData = useMemo(() => normaliseCohorts(cohorts.data), [cohorts.data]);

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
  const commitRefused: ImportRowResult[] =
    isApiError(commit.error) && commit.error.code === 'import_has_errors' && Array.isArray(commit.error.problem.rows) ? (commit.error.problem.rows as ImportRowResult[]) : [];
  const programChanged = !!preview && !!file && !uploading;

  return (
    <>
      <PartnerPageHeader
        title="Enrollments"
        description="Enrol children in bulk from CSV or Excel and track each cohort."
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: 'Partnerships' }, { label: 'Enrollments' }]}
        actions={
          <>
            <a href={templateUrl('csv')} download className="btn-secondary" data-testid="template-csv">
              <FileDown className="size-4" aria-hidden="true" /> CSV template
            </a>
            <a href={templateUrl('xlsx')} download className="btn-secondary" data-testid="template-xlsx">
              <FileDown className="size-4" aria-hidden="true" /> Excel template
            </a>
          </>
        }
      />

      <PartnerBentoGrid>
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
              <div className="flex flex-col gap-2">
                <label htmlFor="import-program" className="text-xs font-medium text-fg-muted">
                  Program for rows that name none
                </label>
                <select id="import-program" className="input" value={programId} onChange={(e) => setProgramId(e.target.value)} data-testid="import-program">
                  <option value="">Use the file’s program column</option>
                  {openPrograms.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
                <p className="text-xs text-fg-subtle">
                  Used when the file has no <code>program</code> column, or a row leaves it blank. Rows naming a program by name or id go to that program.
                </p>
                {programChanged && (
                  <button type="button" className="btn-secondary self-start px-3 py-1.5 text-xs" onClick={() => file && check(file, programId)}>
                    <RefreshCw className="size-3.5" aria-hidden="true" /> Check again
                  </button>
                )}
              </div>
            </div>

            {dryRun.isPending && <PartnerLoadingSkeleton variant="table" label="Checking the file" />}

            {committed && (
              <div role="status" className="flex items-start gap-3 rounded-lg border border-emerald-500/30 bg-emerald-500/10 p-3 text-sm" data-testid="commit-result">
                <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-ok" aria-hidden="true" />
                <div>
                  <p className="font-medium text-fg">
                    {formatNumber(committed.added)} {committed.added === 1 ? 'child was' : 'children were'} enrolled.
                  </p>
                  <ul className="mt-1 text-xs text-fg-muted">
                    {committed.byProgram.map((p) => (
                      <li key={p.programId}>
                        <Link to={`/dashboard/partner/sponsorships/${p.programId}`} className="hover:underline">
                          {p.programName}
                        </Link>
                        : {formatNumber(p.adding)} added{p.capacityLeft !== null ? `, ${formatNumber(p.capacityLeft)} places left` : ''}
                      </li>
                    ))}
                  </ul>
                  <p className="mt-1 text-xs text-fg-muted">They wait for their guardians’ consent: request it from each program’s page.</p>
                </div>
              </div>
            )}

            {commitRefused.length > 0 && (
              <div role="alert" className="rounded-lg border border-brand/40 bg-brand-soft p-3 text-sm text-fg" data-testid="commit-refused">
                <p className="font-medium">{isApiError(commit.error) ? commit.error.title : ''}</p>
                <p className="text-xs text-fg-muted">{isApiError(commit.error) ? commit.error.detail : ''}</p>
                <ul className="mt-2 text-xs">
                  {commitRefused.slice(0, 20).map((r) => (
                    <li key={r.row}>
                      Row {r.row}: {r.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}

            {preview && (
              <>
                <DryRunPreview key={`${preview.fileName}-${preview.totalRows}-${preview.errorRows}`} result={preview} />
                <div className="flex flex-col gap-2 border-t border-line pt-4 sm:flex-row sm:items-center sm:justify-between">
                  <p className="text-sm text-fg-muted" data-testid="commit-hint">
                    {preview.errorRows > 0
                      ? `Fix the ${formatNumber(preview.errorRows)} row${preview.errorRows === 1 ? '' : 's'} with problems (or remove them from the file) and upload it again. Nothing is added while any row has a problem.`
                      : preview.okRows === 0
                        ? 'The file has no rows to add.'
                        : `All ${formatNumber(preview.okRows)} rows are ready.`}
                  </p>
                  <button type="button" className="btn-primary" onClick={doCommit} disabled={!canCommit} data-testid="commit-import">
                    {commit.isPending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : <CheckCircle2 className="size-4" aria-hidden="true" />}
                    Enrol {formatNumber(preview.okRows)} {preview.okRows === 1 ? 'child' : 'children'}
                  </button>
                </div>
              </>
            )}
          </div>
        </PartnerBentoCard>

        <PartnerBentoCard
          title="Cohort tracking"
          description="Children per status at the end of each week, last 12 weeks"
          icon={TrendingUp}
          colSpan={4}
          testId="cohort-card"
        >
          <div className="mb-3 flex items-center gap-2">
            <label htmlFor="cohort-program" className="text-xs text-fg-subtle">
              Program
            </label>
            <select id="cohort-program" className="input min-w-0 flex-1 py-1.5 sm:w-auto sm:flex-none" value={cohortProgram} onChange={(e) => setCohortProgram(e.target.value)} data-testid="cohort-program">
              <option value="">All programs</option>
              {(programs.data?.items ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          {cohorts.isPending ? (
            <PartnerLoadingSkeleton variant="chart" label="Loading cohort tracking" />
          ) : cohorts.isError ? (
            <QueryErrorState compact title="We couldn’t load cohort tracking" error={cohorts.error} onRetry={() => void cohorts.refetch()} retrying={cohorts.isFetching} />
          ) : cohortData.every((p) => p.weeks.every((w) => w.enrolled + w.removed === 0)) ? (
            <PartnerEmptyState compact title="No children enrolled yet" description="Once children join a program, their path through consent shows here week by week." />
          ) : (
            <>
              <CohortChart programs={cohortData} />
              <CohortTable programs={cohortData} />
            </>
          )}
        </PartnerBentoCard>
      </PartnerBentoGrid>
    </>
  );
}

function CohortTable({ programs }: { programs: ReturnType<typeof normaliseCohorts> }) {
  return (
    <div className="mt-4 overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-sm" data-testid="cohort-table">
        <caption className="sr-only">Each program this week</caption>
        <thead className="bg-elevated/60 text-xs uppercase tracking-wide text-fg-subtle">
          <tr>
            <th scope="col" className="px-2 py-2 text-left font-medium sm:px-3">Program (this week)</th>
            <th scope="col" className="px-2 py-2 text-right font-medium sm:px-3">Active</th>
            <th scope="col" className="px-2 py-2 text-right font-medium sm:px-3">Waiting</th>
            <th scope="col" className="hidden px-3 py-2 text-right font-medium sm:table-cell">Removed</th>
            <th scope="col" className="px-2 py-2 text-right font-medium sm:px-3">
              <span className="sm:hidden">Change</span>
              <span className="hidden sm:inline">12-week change</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {programs.map((p) => {
            const last = p.weeks[p.weeks.length - 1];
            const first = p.weeks[0];
            const change = last && first ? last.enrolled - first.enrolled : 0;
            return (
              <tr key={p.programId} className="border-t border-line">
                <th scope="row" className="px-2 py-2 text-left font-medium text-fg sm:px-3">
                  <Link to={`/dashboard/partner/sponsorships/${p.programId}`} className="hover:text-brand-text hover:underline">
                    {p.programName}
                  </Link>
                </th>
                <td className="px-2 py-2 text-right tabular-nums sm:px-3">{formatNumber(last?.active ?? 0)}</td>
                <td className="px-2 py-2 text-right tabular-nums sm:px-3">{formatNumber(last?.pendingConsent ?? 0)}</td>
                <td className="hidden px-3 py-2 text-right tabular-nums text-fg-muted sm:table-cell">{formatNumber(last?.removed ?? 0)}</td>
                <td className="px-2 py-2 text-right tabular-nums sm:px-3">{change > 0 ? `+${formatNumber(change)}` : formatNumber(change)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
