import { useState } from 'react';
import { PartnerBadge, PartnerDataTable, type DataTableColumn } from '@/components/partner/shared';
import { formatNumber } from '@/lib/format';
import { useMediaQuery } from '@/lib/use-media-query';
import type { ImportDryRunResponse, ImportRowResult } from '@/services/partner/enrollments';
import { outcomeOf } from './outcomes';
import { TruncatedText } from '@/components/partner/shared/TruncatedText';

/** The dry run: summary counts, what each program would receive, and every row with its outcome. */
export function DryRunPreview({ result }: { result: ImportDryRunResponse }) {
  const [onlyProblems, setOnlyProblems] = useState(result.errorRows > 0);
  const wide = useMediaQuery('(min-width: 640px)');
  const rows = onlyProblems ? result.rows.filter((r) => r.outcome !== 'ok') : result.rows;

  const columns: DataTableColumn<ImportRowResult>[] = [
    { key: 'row', header: 'Row', cell: (r) => <span className="tabular-nums text-fg-muted">{r.row}</span>, className: 'w-14' },
    {
      key: 'student',
      header: 'Student',
      cell: (r) => (
        <div className="flex min-w-0 flex-col">
          <span className="font-medium">{r.studentDisplayName ?? '—'}</span>
          <span className="break-all text-xs text-fg-subtle">{[r.admissionNumber, r.school].filter(Boolean).join(' · ') || r.studentId || ''}</span>
          {!wide && (
            <span className="mt-1">
              <Outcome row={r} />
            </span>
          )}
        </div>
      ),
    },
    { key: 'program', header: 'Program', cell: (r) => <span className="text-fg-muted">{r.program ?? '—'}</span>, className: 'hidden md:table-cell' },
    ...(wide ? [{ key: 'outcome', header: 'Outcome', cell: (r: ImportRowResult) => <Outcome row={r} /> }] : []),
  ];

  return (
    <div className="flex flex-col gap-4" data-testid="dry-run-preview">
      <dl className="grid grid-cols-3 gap-2 sm:max-w-md">
        <Count label="Rows" value={result.totalRows} testId="count-total" />
        <Count label="Ready" value={result.okRows} testId="count-ok" tone="ok" />
        <Count label="Problems" value={result.errorRows} testId="count-errors" tone={result.errorRows > 0 ? 'bad' : undefined} />
      </dl>

      {result.byProgram.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-line">
          <table className="w-full text-sm" data-testid="by-program">
            <caption className="sr-only">Children each program would receive</caption>
            <thead className="bg-elevated/60 text-xs uppercase tracking-wide text-fg-subtle">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-medium">Program</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Adding</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Places left after</th>
              </tr>
            </thead>
            <tbody>
              {result.byProgram.map((p) => (
                <tr key={p.programId} className="border-t border-line">
                  <th scope="row" className="px-3 py-2 text-left font-medium text-fg"><TruncatedText text={p.programName} className="max-w-[10rem] sm:max-w-[20rem]" /></th>
                  <td className="px-3 py-2 text-right tabular-nums">{formatNumber(p.adding)}</td>
                  <td className="px-3 py-2 text-right tabular-nums text-fg-muted">{p.capacityLeft === null ? 'No maximum' : formatNumber(p.capacityLeft)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <label className="inline-flex cursor-pointer items-center gap-2 self-start text-sm text-fg-muted">
        <input type="checkbox" className="size-4 accent-[#E40000]" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} data-testid="only-problems" />
        Only problems ({formatNumber(result.errorRows)})
      </label>

      <PartnerDataTable
        key={onlyProblems ? 'problems' : 'all'}
        caption={`Rows of ${result.fileName}`}
        columns={columns}
        rows={rows}
        getRowKey={(r) => String(r.row)}
        pageSize={25}
        empty={onlyProblems ? 'No problems: every row is ready.' : 'The file has no rows.'}
        testId="dry-run-rows"
      />
    </div>
  );
}

function Outcome({ row }: { row: ImportRowResult }) {
  const o = outcomeOf(row.outcome);
  return (
    <span className="flex flex-col items-start gap-1">
      <PartnerBadge tone={o.tone} testId="row-outcome">
        {o.label}
      </PartnerBadge>
      {row.outcome !== 'ok' && <span className="text-xs text-fg-muted">{row.message}</span>}
    </span>
  );
}

function Count({ label, value, testId, tone }: { label: string; value: number; testId: string; tone?: 'ok' | 'bad' }) {
  return (
    <div className="rounded-lg border border-line bg-card px-3 py-2">
      <dt className="text-[11px] text-fg-subtle">{label}</dt>
      <dd className={tone === 'ok' ? 'text-lg font-semibold tabular-nums text-ok' : tone === 'bad' ? 'text-lg font-semibold tabular-nums text-brand-text' : 'text-lg font-semibold tabular-nums text-fg'} data-testid={testId}>
        {formatNumber(value)}
      </dd>
    </div>
  );
}
