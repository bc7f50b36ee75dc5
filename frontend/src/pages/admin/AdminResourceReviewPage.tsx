import { useState } from 'react';
import { CheckCircle2, FolderCheck, XCircle } from 'lucide-react';
import { FORMAT_LABELS, ResourcePreview, sizeOf } from '@/components/partner/content/ResourcePreview';
import { RESOURCE_TYPES } from '@/components/partner/content/ResourceUploadForm';
import { ListPager, PartnerBadge, PartnerEmptyState, PartnerFilterBar, PartnerLoadingSkeleton, PartnerPageHeader } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { isApiError } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { useSearchDraft } from '@/lib/use-search-draft';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import { queueFileUrl, useApproveResource, useRejectResource, useResourceQueue } from '@/services/admin/resources';
import type { ResourceStatus, ResourceType, ReviewResourceView } from '@/types/partner';

const PAGE_SIZE = 20;
const STATUS_WORDS: Record<string, string> = { pending_review: 'Waiting for review', approved: 'Approved', rejected: 'Rejected' };
const QUEUE_URL = {
  status: urlParam.oneOf<ResourceStatus | ''>(['', 'pending_review', 'approved', 'rejected'], 'pending_review'),
  type: urlParam.oneOf<ResourceType | ''>(['', 'lesson', 'material', 'video', 'document'], ''),
  search: urlParam.search(),
  page: urlParam.page(),
};

const problemText = (err: unknown) => (isApiError(err) ? (err.fieldErrors('reason')[0] ?? err.detail ?? err.message) : 'Something went wrong.');

/** One resource in the queue: what it is, who sent it, its file, and the decision. */
function ReviewCard({ entry }: { entry: ReviewResourceView }) {
  const r = entry.resource;
  const approve = useApproveResource();
  const reject = useRejectResource();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const pending = r.status === 'pending_review';

  const sendRejection = async () => {
    setError(null);
    if (!reason.trim()) return setError('Say why the resource is rejected; the partner reads it.');
    try {
      await reject.mutateAsync({ id: r.id, reason: reason.trim() });
    } catch (err) {
      setError(problemText(err));
    }
  };
  const sendApproval = async () => {
    setError(null);
    try {
      await approve.mutateAsync(r.id);
    } catch (err) {
      setError(problemText(err));
    }
  };

  return (
    <li className="card flex flex-col gap-3 p-4" data-testid="review-item" data-status={r.status}>
      <div className="flex flex-wrap items-start gap-2">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <h2 className="break-words text-sm font-semibold text-fg">{r.title}</h2>
          <p className="text-xs text-fg-muted">
            {entry.partnerName} · {r.format ? (FORMAT_LABELS[r.format] ?? r.format) : r.aiGenerated ? 'Generated lesson' : 'No file stored'}
            {r.fileSize != null ? ` · ${sizeOf(r.fileSize)}` : ''}
            {r.brandingApplied ? ' · branded' : ''} · sent {formatDateTime(r.updatedAt)}
          </p>
        </div>
        <PartnerBadge status={r.status} testId="review-status">{STATUS_WORDS[r.status] ?? r.status}</PartnerBadge>
      </div>
      {r.description && <p className="whitespace-pre-line break-words text-sm text-fg-muted">{r.description}</p>}
      {r.originalFileName && <p className="break-all text-xs text-fg-subtle">File: {r.originalFileName}{entry.sha256 ? ` · SHA-256 ${entry.sha256.slice(0, 12)}…` : ''}</p>}
      {r.targetPrograms.length > 0 && <p className="text-xs text-fg-muted">For: {r.targetPrograms.map((p) => p.name).join(', ')}</p>}
      {r.format && <ResourcePreview resource={r} urlOf={queueFileUrl} />}
      {r.status === 'rejected' && r.rejectionReason && <p className="text-sm text-fg-muted">Reason given: {r.rejectionReason}</p>}
      {pending && (
        <div className="flex flex-col gap-2 border-t border-line pt-3">
          {rejecting && (
            <>
              <label htmlFor={`reason-${r.id}`} className="text-xs font-medium text-fg-muted">
                Reason <span className="text-brand-text">(required; the partner reads it)</span>
              </label>
              <textarea id={`reason-${r.id}`} className="input min-h-20" maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)}
                data-testid="review-reason" aria-invalid={error ? true : undefined} />
            </>
          )}
          {error && <p role="alert" className="text-sm text-brand-text" data-testid="review-error">{error}</p>}
          <div className="flex flex-wrap justify-end gap-2">
            {rejecting ? (
              <>
                <button type="button" className="btn-ghost" onClick={() => setRejecting(false)}>Cancel</button>
                <button type="button" className="btn-secondary" onClick={() => void sendRejection()} disabled={reject.isPending} data-testid="review-reject-confirm">
                  <XCircle className="size-4" aria-hidden="true" /> {reject.isPending ? 'Rejecting…' : 'Reject with this reason'}
                </button>
              </>
            ) : (
              <>
                <button type="button" className="btn-secondary" onClick={() => setRejecting(true)} data-testid="review-reject">
                  <XCircle className="size-4" aria-hidden="true" /> Reject
                </button>
                <button type="button" className="btn-primary" onClick={() => void sendApproval()} disabled={approve.isPending} data-testid="review-approve">
                  <CheckCircle2 className="size-4" aria-hidden="true" /> {approve.isPending ? 'Approving…' : 'Approve'}
                </button>
              </>
            )}
          </div>
        </div>
      )}
    </li>
  );
}

/** `/dashboard/admin/resources`: partners' contributed resources, waiting ones first; approve, or reject with a reason. */
export default function AdminResourceReviewPage() {
  const [url, setUrl] = useUrlState(QUEUE_URL);
  const [searchDraft, setSearchDraft] = useSearchDraft(url.search, (search) => setUrl({ search, page: 1 }));
  const queue = useResourceQueue({ status: url.status, type: url.type, search: url.search, page: url.page, pageSize: PAGE_SIZE });
  const total = queue.data?.total ?? 0;
  const filtered = url.type !== '' || url.search !== '';

  return (
    <>
      <PartnerPageHeader
        title="Resource review"
        description="Lessons and materials partners contributed. Look at each file, then approve it for their programs or send it back with a reason."
        breadcrumbs={[{ label: 'Admin', to: '/dashboard/admin' }, { label: 'Resource review' }]}
      />
      <div className="flex flex-col gap-4">
        <PartnerFilterBar
          search={searchDraft}
          onSearchChange={setSearchDraft}
          searchLabel="Search resources"
          searchPlaceholder="Search title, description or file…"
          filters={[
            { key: 'status', label: 'Status', value: url.status, options: [{ value: 'pending_review', label: 'Waiting for review' }, { value: 'approved', label: 'Approved' }, { value: 'rejected', label: 'Rejected' }, { value: '', label: 'All decided and waiting' }], onChange: (v) => setUrl({ status: v as ResourceStatus | '' }) },
            { key: 'type', label: 'Type', value: url.type, options: [{ value: '', label: 'All types' }, ...RESOURCE_TYPES], onChange: (v) => setUrl({ type: v as ResourceType | '' }) },
          ]}
          onReset={filtered ? () => setUrl({ type: '', search: '', page: 1 }) : undefined}
        />
        {queue.isError ? (
          <QueryErrorState title="We couldn’t load the queue" error={queue.error} onRetry={() => void queue.refetch()} />
        ) : queue.isPending ? (
          <PartnerLoadingSkeleton variant="lines" count={4} label="Loading the queue" />
        ) : queue.data.items.length === 0 ? (
          <PartnerEmptyState icon={FolderCheck} testId="review-empty"
            title={url.status === 'pending_review' && !filtered ? 'Nothing waits for review' : 'No resources match'}
            description={url.status === 'pending_review' && !filtered ? 'Resources partners upload arrive here.' : 'Change the filters to see others.'} />
        ) : (
          <>
            <ul className="grid gap-3 xl:grid-cols-2" data-testid="review-list">
              {queue.data.items.map((entry) => <ReviewCard key={entry.resource.id} entry={entry} />)}
            </ul>
            <ListPager page={url.page} pages={Math.max(1, Math.ceil(total / PAGE_SIZE))} total={total} noun="resources" onPage={(page) => setUrl({ page })} />
          </>
        )}
      </div>
    </>
  );
}
