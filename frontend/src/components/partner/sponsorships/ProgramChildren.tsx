import { useState } from 'react';
import { Link } from 'react-router';
import { DoorOpen, MailCheck, UserMinus, UserPlus, Users } from 'lucide-react';
import { PartnerBentoCard, PartnerDataTable, type DataTableColumn } from '@/components/partner/shared';
import { ChildStateBadges } from '@/components/partner/children/ChildStateBadges';
import { formatGrade } from '@/components/partner/children/child-format';
import { isApiError } from '@/lib/api';
import { formatDate, formatNumber } from '@/lib/format';
import { useMediaQuery } from '@/lib/use-media-query';
import { useChildren } from '@/services/partner/children';
import { useRequestConsent } from '@/services/partner/consent';
import { minChildrenNotMet, useRemoveChild } from '@/services/partner/programs';
import { usePartnerPermissions } from '@/services/partner/team';
import { toast } from '@/store/toastStore';
import type { ConsentRequestResult, ProgramResponse, SponsoredChildResponse } from '@/types/partner';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import { AddChildrenModal, useAddChildrenPicker } from './AddChildrenModal';
import { ConfirmDialog } from './ConfirmDialog';
import { ConsentRequestConfirm } from './ConsentRequestConfirm';
import { ConsentRequestSummary } from './ConsentRequestSummary';
import { LeaveChildDialog } from './LeaveChildDialog';
import { consentBlockedReason } from './program-actions';
import { QueryErrorState } from './QueryErrorState';
import { TruncatedText } from '@/components/partner/shared/TruncatedText';

const PAGE_SIZE = 20;
const CHILDREN_URL = { page: urlParam.page() };
const ENDED = ['COMPLETED', 'CANCELLED'];

/** A program's children with consent badges: add from available students, remove, and ask guardians for consent. */
export function ProgramChildren({ program }: { program: ProgramResponse }) {
  const [{ page }, setUrl] = useUrlState(CHILDREN_URL);
  const picker = useAddChildrenPicker();
  const [removing, setRemoving] = useState<SponsoredChildResponse | null>(null);
  const [leaving, setLeaving] = useState<SponsoredChildResponse | null>(null);
  const [confirmingConsent, setConfirmingConsent] = useState(false);
  const [consentResult, setConsentResult] = useState<ConsentRequestResult | null>(null);
  const children = useChildren({ programId: program.id, page, pageSize: PAGE_SIZE, sort: 'name' });
  const remove = useRemoveChild(program.id);
  const consent = useRequestConsent();
  const ended = ENDED.includes(program.status);
  // Finance and viewer members read the children but change nothing: no add, remove or consent buttons for them.
  const readOnly = ended || !usePartnerPermissions().changePrograms;
  const live = program.status === 'ACTIVE' || program.status === 'PENDING_APPROVAL';
  const consentBlocked = consentBlockedReason(program);
  const wouldBreakMinimum = live && program.children.enrolled - 1 < program.minChildren;
  // Leaving is for a running program (an approved one, active or paused); a draft's child is simply removed.
  const canLeave = program.status === 'ACTIVE' || program.status === 'PAUSED';

  const wide = useMediaQuery('(min-width: 640px)');
  const names = new Map((children.data?.items ?? []).map((c) => [c.id, c.displayName]));

  const columns: DataTableColumn<SponsoredChildResponse>[] = [
    {
      key: 'name',
      header: 'Child',
      cell: (c) => (
        <div className="flex min-w-0 flex-col gap-1">
          <Link to={`/dashboard/partner/sponsored-children/${c.id}`} className="font-medium text-fg hover:text-brand-text hover:underline">
            <TruncatedText text={c.displayName} className="max-w-[12rem] sm:max-w-[18rem]" />
          </Link>
          <span className="flex flex-wrap items-center gap-1.5 text-xs text-fg-subtle md:hidden">
            {formatGrade(c.grade)} · {c.county}
            <span className="contents sm:hidden">
              <ChildStateBadges child={c} />
            </span>
          </span>
        </div>
      ),
    },
    { key: 'grade', header: 'Grade', cell: (c) => <span className="whitespace-nowrap">{formatGrade(c.grade)}</span>, className: 'hidden md:table-cell' },
    { key: 'county', header: 'County', cell: (c) => c.county, className: 'hidden md:table-cell' },
    {
      key: 'consent',
      header: 'Consent',
      cell: (c) => (
        <span className="flex flex-wrap gap-1.5">
          <ChildStateBadges child={c} />
        </span>
      ),
      className: 'hidden sm:table-cell',
    },
    { key: 'enrolled', header: 'Enrolled', cell: (c) => <span className="whitespace-nowrap text-fg-muted">{formatDate(c.enrolledAt)}</span>, className: 'hidden lg:table-cell' },
    ...(readOnly
      ? []
      : [
          {
            key: 'remove',
            header: <span className="sr-only">Remove</span>,
            cell: (c: SponsoredChildResponse) =>
              // A child who left (or was removed) stays on the record; nothing more to do with them here.
              c.status === 'LEFT' || c.status === 'REMOVED' || c.status === 'GRADUATED' ? null : (
                <span className="inline-flex gap-1">
                  {canLeave && (
                    <button type="button" className="btn-ghost p-1.5" onClick={() => setLeaving(c)} aria-label={`${c.displayName} leaves the program`} data-testid="leave-child">
                      <DoorOpen className="size-4" aria-hidden="true" />
                    </button>
                  )}
                  <button type="button" className="btn-ghost p-1.5" onClick={() => setRemoving(c)} aria-label={`Remove ${c.displayName} from the program`} data-testid="remove-child">
                    <UserMinus className="size-4" aria-hidden="true" />
                  </button>
                </span>
              ),
            align: 'right' as const,
          },
        ]),
  ];

  const removeError = remove.isError ? explainRemoveError(remove.error) : undefined;

  const toolbar = !readOnly && (
    <div className="flex flex-wrap items-start justify-end gap-2">
      {program.children.pendingConsent > 0 && (
        <span className="flex flex-col items-end gap-1">
          <button
            type="button"
            className="btn-secondary px-3 py-1.5 text-xs"
            disabled={consent.isPending || consentBlocked !== null}
            aria-describedby={consentBlocked ? 'request-consent-reason' : undefined}
            onClick={() => {
              consent.reset();
              setConfirmingConsent(true);
            }}
            data-testid="request-consent"
          >
            <MailCheck className="size-4" aria-hidden="true" />
            Request consent
          </button>
          {consentBlocked && (
            <span id="request-consent-reason" className="max-w-xs text-right text-[11px] text-amber-300" data-testid="request-consent-reason">
              {consentBlocked}
            </span>
          )}
        </span>
      )}
      <button type="button" className="btn-primary px-3 py-1.5 text-xs" onClick={picker.show} data-testid="add-children">
        <UserPlus className="size-4" aria-hidden="true" />
        Add children
      </button>
    </div>
  );

  return (
    <PartnerBentoCard
      title="Children"
      description={`${formatNumber(program.children.enrolled)} enrolled · ${formatNumber(program.children.pendingConsent)} without consent yet`}
      icon={Users}
      colSpan={4}
      testId="program-children"
      action={wide && toolbar}
    >
      {!wide && toolbar && <div className="mb-3 flex justify-start [&>div]:justify-start">{toolbar}</div>}
      {children.isError ? (
        <QueryErrorState compact title="We couldn’t load this program’s children" error={children.error} onRetry={() => void children.refetch()} retrying={children.isFetching} />
      ) : (
        <PartnerDataTable
          caption="Children of this program"
          columns={columns}
          rows={children.data?.items ?? []}
          getRowKey={(c) => c.id}
          isLoading={children.isPending}
          empty={readOnly ? 'This program has no children on record.' : `No children yet. Add at least ${program.minChildren} to submit the program.`}
          pagination={{ page, pageSize: PAGE_SIZE, total: children.data?.total ?? 0, onPageChange: (p) => setUrl({ page: p }) }}
          testId="program-children-table"
        />
      )}

      <AddChildrenModal open={picker.open && !ended} onClose={picker.close} program={program} />
      <ConsentRequestConfirm
        open={confirmingConsent}
        target={{ programId: program.id }}
        description={`Each guardian of a child of “${program.name}” still waiting for consent gets a request in their parent dashboard.`}
        busy={consent.isPending}
        error={consent.isError ? consent.error : undefined}
        onClose={() => {
          setConfirmingConsent(false);
          consent.reset();
        }}
        onConfirm={() =>
          consent.mutate(
            { programId: program.id },
            {
              onSuccess: (result) => {
                setConfirmingConsent(false);
                setConsentResult(result);
              },
            },
          )
        }
      />
      <ConsentRequestSummary result={consentResult} onClose={() => setConsentResult(null)} names={names} />
      <LeaveChildDialog
        programId={program.id}
        programActive={program.status === 'ACTIVE'}
        child={leaving}
        onClose={() => setLeaving(null)}
        onLeft={(r) =>
          toast.success(
            r.offer.candidates.length > 0
              ? `The child left “${program.name}”. Substitutes are suggested above.`
              : `The child left “${program.name}”.`,
          )
        }
      />
      <ConfirmDialog
        open={removing !== null}
        title={removing ? `Remove ${removing.displayName}?` : ''}
        description="The child leaves this program; the record and its consent history are kept. You can add the child again later."
        confirmLabel="Remove child"
        destructive
        busy={remove.isPending}
        error={removeError}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.studentId, {
            onSuccess: () => {
              toast.success(`${removing.displayName} was removed from “${program.name}”.`);
              setRemoving(null);
            },
          })
        }
        testId="remove-child-dialog"
      >
        <p data-testid="minimum-rule">
          {wouldBreakMinimum ? (
            <>
              This {program.status === 'ACTIVE' ? 'active' : 'submitted'} program needs at least {program.minChildren} children and has{' '}
              {program.children.enrolled}. Removing one would take it below its minimum, so it will be refused: pause the program first, or add another
              child before removing this one.
            </>
          ) : live ? (
            <>
              A live program keeps at least {program.minChildren} children; after this it will have {program.children.enrolled - 1}.
            </>
          ) : (
            <>
              While the program is {program.status === 'PAUSED' ? 'paused' : 'a draft'}, it may go below its minimum of {program.minChildren}; it needs
              the minimum again to be {program.status === 'PAUSED' ? 'resumed' : 'submitted'}.
            </>
          )}
        </p>
      </ConfirmDialog>
    </PartnerBentoCard>
  );
}

function explainRemoveError(error: unknown): string {
  const min = minChildrenNotMet(error);
  if (min) return min.message;
  if (isApiError(error)) return error.detail ?? error.message;
  return error instanceof Error ? error.message : 'Something went wrong.';
}
