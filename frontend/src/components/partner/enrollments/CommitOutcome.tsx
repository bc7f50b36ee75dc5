import { Link } from 'react-router';
import { CheckCircle2 } from 'lucide-react';
import { isApiError } from '@/lib/api';
import { formatNumber } from '@/lib/format';
import type { ImportCommitResponse, ImportRowResult } from '@/services/partner/enrollments';
import { TruncatedText } from '@/components/partner/shared/TruncatedText';

/** After a commit: how many children were enrolled, per program. */
export function CommitResult({ committed }: { committed: ImportCommitResponse }) {
  return (
    <div role="status" className="flex items-start gap-3 rounded-lg border border-emerald-500/30 bg-emerald-500/10 p-3 text-sm" data-testid="commit-result">
      <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-ok" aria-hidden="true" />
      <div>
        <p className="font-medium text-fg">
          {formatNumber(committed.added)} {committed.added === 1 ? 'child was' : 'children were'} enrolled.
        </p>
        <ul className="mt-1 text-xs text-fg-muted">
          {committed.byProgram.map((p) => (
            <li key={p.programId}>
              <Link to={`/dashboard/partner/sponsorships/${p.programId}`} className="inline-block max-w-full align-bottom hover:underline">
                <TruncatedText text={p.programName} className="max-w-[24rem]" />
              </Link>
              : {formatNumber(p.adding)} added{p.capacityLeft !== null ? `, ${formatNumber(p.capacityLeft)} places left` : ''}
            </li>
          ))}
        </ul>
        <p className="mt-1 text-xs text-fg-muted">They wait for their guardians’ consent: request it from each program’s page.</p>
      </div>
    </div>
  );
}

/** The rows of a commit refused with 422 import_has_errors (empty for any other outcome). */
export function commitRefusedRows(error: unknown): ImportRowResult[] {
  return isApiError(error) && error.code === 'import_has_errors' && Array.isArray(error.problem.rows) ? (error.problem.rows as ImportRowResult[]) : [];
}

/** A refused commit: the server's title and detail, and the first 20 rows with problems. */
export function CommitRefused({ error, rows }: { error: unknown; rows: ImportRowResult[] }) {
  return (
    <div role="alert" className="rounded-lg border border-brand/40 bg-brand-soft p-3 text-sm text-fg" data-testid="commit-refused">
      <p className="font-medium">{isApiError(error) ? error.title : ''}</p>
      <p className="text-xs text-fg-muted">{isApiError(error) ? error.detail : ''}</p>
      <ul className="mt-2 text-xs">
        {rows.slice(0, 20).map((r) => (
          <li key={r.row}>
            Row {r.row}: {r.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
