import { Link } from 'react-router';
import { Check, Loader2, XCircle } from 'lucide-react';
import { PartnerBadge } from '@/components/partner/shared';
import { formatDate } from '@/lib/format';
import type { ChildAlert } from '@/types/partner';
import { kindLabel, measureText, stateOf } from './alert-labels';

export interface AlertListProps {
  alerts: ChildAlert[];
  /** Who runs programs marks alerts seen and dismisses them; anyone else reads them only. */
  canChange: boolean;
  /** The alert whose "seen" is on its way (its button spins). */
  markingId?: string;
  onSeen: (alert: ChildAlert) => void;
  onDismiss: (alert: ChildAlert) => void;
}

/**
 * Alerts as cards that lay out as a row on a wide screen and stack on a phone: the child (to their page), the program,
 * what was measured against the threshold, when it was raised, its state and what can be done with it.
 */
export function AlertList({ alerts, canChange, markingId, onSeen, onDismiss }: AlertListProps) {
  return (
    <ul className="card divide-y divide-line overflow-hidden" aria-label="Alerts" data-testid="alert-list">
      {alerts.map((a) => {
        const { measured, threshold } = measureText(a);
        const state = stateOf(a.state);
        const open = a.state === 'new' || a.state === 'seen';
        return (
          <li key={a.id} data-testid="alert-row" data-alert-id={a.id} data-state={a.state} className="grid gap-3 px-4 py-3 md:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_auto] md:items-start">
            <div className="flex min-w-0 flex-col gap-0.5">
              <Link to={`/dashboard/partner/sponsored-children/${a.childId}`} className="truncate text-sm font-medium text-fg hover:text-brand-text hover:underline" data-testid="alert-child">
                {a.childName}
              </Link>
              <span className="truncate text-xs text-fg-subtle" title={a.programName}>
                {a.programName}
              </span>
            </div>

            <div className="flex min-w-0 flex-col gap-1">
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium text-fg" data-testid="alert-kind">
                  {kindLabel(a.kind)}
                </span>
                <PartnerBadge tone={state.tone} testId="alert-state">
                  {state.label}
                </PartnerBadge>
              </p>
              <p className="text-sm">
                <span className="text-fg" data-testid="alert-measure">
                  {measured}
                </span>{' '}
                <span className="text-xs text-fg-subtle">({threshold})</span>
              </p>
              <p className="text-xs text-fg-muted [overflow-wrap:anywhere]">{a.summary}</p>
              <p className="text-xs text-fg-subtle">
                Raised {formatDate(a.raisedAt)}
                {a.state === 'resolved' && a.resolvedAt && ` · cleared ${formatDate(a.resolvedAt)}`}
              </p>
              {a.dismissNote && (
                <p className="text-xs text-fg-muted [overflow-wrap:anywhere]" data-testid="alert-note">
                  Dismissed{a.dismissedAt ? ` ${formatDate(a.dismissedAt)}` : ''}: “{a.dismissNote}”
                </p>
              )}
            </div>

            {canChange && open && (
              <div className="flex flex-wrap gap-2 md:justify-end">
                {a.state === 'new' && (
                  <button type="button" className="btn-secondary px-2.5 py-1.5 text-xs" onClick={() => onSeen(a)} disabled={markingId === a.id} data-testid="alert-seen">
                    {markingId === a.id ? <Loader2 className="size-3.5 animate-spin" aria-hidden="true" /> : <Check className="size-3.5" aria-hidden="true" />}
                    Mark seen
                  </button>
                )}
                <button type="button" className="btn-secondary px-2.5 py-1.5 text-xs" onClick={() => onDismiss(a)} data-testid="alert-dismiss">
                  <XCircle className="size-3.5" aria-hidden="true" />
                  Dismiss
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
