import { useState } from 'react';
import { Link } from 'react-router';
import { AlertTriangle, ChevronDown, FolderOpen, Trash2, Users } from 'lucide-react';
import { FORMAT_LABELS, ResourcePreview, sizeOf } from '@/components/partner/content/ResourcePreview';
import { RESOURCE_TYPES, ResourceUploadForm } from '@/components/partner/content/ResourceUploadForm';
import { ListPager, PartnerBadge, PartnerEmptyState, PartnerFilterBar, PartnerLoadingSkeleton, PartnerPageHeader } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useSearchDraft } from '@/lib/use-search-draft';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import { usePrograms } from '@/services/partner/programs';
import { fileUrl, useDeleteResource, useResources } from '@/services/partner/resources';
import type { ResourceStatus, ResourceType, ResourceView } from '@/types/partner';

const PAGE_SIZE = 10;
export const RESOURCE_STATUS_WORDS: Record<ResourceStatus, string> = {
  draft: 'Draft', pending_review: 'In review', approved: 'Approved', rejected: 'Changes asked',
};
const STATUSES = Object.entries(RESOURCE_STATUS_WORDS).map(([value, label]) => ({ value, label }));

const URL_STATE = {
  status: urlParam.oneOf<ResourceStatus | ''>(['', 'draft', 'pending_review', 'approved', 'rejected'], ''),
  type: urlParam.oneOf<ResourceType | ''>(['', 'lesson', 'material', 'video', 'document'], ''),
  program: urlParam.string(),
  search: urlParam.search(),
  page: urlParam.page(),
  resource: urlParam.string(),
};

function ResourceItem({ resource, open, onToggle }: { resource: ResourceView; open: boolean; onToggle: () => void }) {
  const remove = useDeleteResource();
  const [confirming, setConfirming] = useState(false);
  const r = resource;
  // Seeded rows from before uploads were stored have no file: they say so rather than pass for a generated lesson.
  const kind = r.format ? (FORMAT_LABELS[r.format] ?? r.format) : r.aiGenerated ? 'Generated lesson' : 'No file stored';
  return (
    <li className="card flex flex-col gap-3 p-3 sm:p-4" data-testid="resource-item" data-status={r.status}>
      <div className="flex items-start gap-3">
        <button type="button" onClick={onToggle} aria-expanded={open} className="flex min-w-0 flex-1 flex-col gap-1 text-left">
          <span className="flex flex-wrap items-center gap-2">
            <span className="min-w-0 break-words text-sm font-semibold text-fg">{r.title}</span>
            <PartnerBadge status={r.status} testId="resource-status">{RESOURCE_STATUS_WORDS[r.status] ?? r.status}</PartnerBadge>
          </span>
          <span className="text-xs text-fg-muted">
            {kind}
            {r.fileSize != null ? ` · ${sizeOf(r.fileSize)}` : ''}
            {r.brandingApplied ? ' · branded' : ''} · {formatNumber(r.usageCount)} {r.usageCount === 1 ? 'download' : 'downloads'} · {formatDateTime(r.updatedAt)}
          </span>
        </button>
        <ChevronDown className={`mt-1 size-4 shrink-0 text-fg-subtle transition-transform ${open ? 'rotate-180' : ''}`} aria-hidden="true" />
      </div>
      {r.status === 'rejected' && r.rejectionReason && (
        <p className="flex gap-2 rounded-lg border border-red-500/30 bg-red-500/10 px-3 py-2 text-sm text-fg" data-testid="resource-rejection">
          <AlertTriangle className="mt-0.5 size-4 shrink-0 text-red-400" aria-hidden="true" />
          <span className="min-w-0 break-words"><span className="font-medium">Elimu’s reviewer: </span>{r.rejectionReason}</span>
        </p>
      )}
      {open && (
        <div className="flex flex-col gap-3 border-t border-line pt-3">
          {r.description && <p className="whitespace-pre-line break-words text-sm text-fg-muted">{r.description}</p>}
          {r.originalFileName && <p className="break-all text-xs text-fg-subtle">File: {r.originalFileName}</p>}
          {r.targetPrograms.length > 0 && (
            <p className="flex flex-wrap items-center gap-1.5 text-xs text-fg-muted">
              <Users className="size-3.5" aria-hidden="true" /> {r.targetPrograms.map((p) => p.name).join(', ')}
            </p>
          )}
          {r.aiGenerated ? (
            <Link to={`/dashboard/partner/ai-resources?draft=${r.id}`} className="btn-secondary self-start">Open the lesson</Link>
          ) : (
            <ResourcePreview resource={r} urlOf={fileUrl} />
          )}
          {r.status !== 'approved' && (
            <div className="flex flex-wrap items-center gap-2">
              {confirming ? (
                <>
                  <span className="text-sm text-fg">Delete “{r.title}” and its file?</span>
                  <button type="button" className="btn-primary" onClick={() => remove.mutate(r.id)} disabled={remove.isPending} data-testid="resource-delete-confirm">
                    {remove.isPending ? 'Deleting…' : 'Delete'}
                  </button>
                  <button type="button" className="btn-ghost" onClick={() => setConfirming(false)}>Keep it</button>
                </>
              ) : (
                <button type="button" className="btn-ghost text-brand-text" onClick={() => setConfirming(true)} data-testid="resource-delete">
                  <Trash2 className="size-4" aria-hidden="true" /> Delete
                </button>
              )}
            </div>
          )}
        </div>
      )}
    </li>
  );
}

/** `/dashboard/partner/resources`: contribute lessons and materials for Elimu's review, and follow each one's status. */
export default function ResourceContributionsPage() {
  const [url, setUrl] = useUrlState(URL_STATE);
  const [searchDraft, setSearchDraft] = useSearchDraft(url.search, (search) => setUrl({ search, page: 1 }));
  const programs = usePrograms({ page: 1, pageSize: 100 });
  const programOptions = (programs.data?.items ?? []).map((p) => ({ id: p.id, name: p.name }));
  const list = useResources({ status: url.status, type: url.type, programId: url.program || undefined, search: url.search, page: url.page, pageSize: PAGE_SIZE });
  const filtered = url.status !== '' || url.type !== '' || url.program !== '' || url.search !== '';
  const total = list.data?.total ?? 0;

  return (
    <>
      <PartnerPageHeader
        title="Resource Contributions"
        description="Share your worksheets, slides, videos and recordings with your cohorts. Elimu reviews each one before learners see it."
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: 'Content' }, { label: 'Resource Contributions' }]}
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)] xl:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
        <section className="card h-fit p-4" aria-labelledby="upload-heading">
          <h2 id="upload-heading" className="mb-3 text-sm font-semibold text-fg">New resource</h2>
          <ResourceUploadForm programs={programOptions} onUploaded={(r) => setUrl({ status: '', type: '', program: '', search: '', page: 1, resource: r.id })} />
        </section>

        <section className="flex min-w-0 flex-col gap-3" aria-labelledby="list-heading">
          <h2 id="list-heading" className="sr-only">Your resources</h2>
          <PartnerFilterBar
            search={searchDraft}
            onSearchChange={setSearchDraft}
            searchLabel="Search resources"
            searchPlaceholder="Search title, description or file…"
            filters={[
              { key: 'status', label: 'Status', value: url.status, options: [{ value: '', label: 'All statuses' }, ...STATUSES], onChange: (v) => setUrl({ status: v as ResourceStatus | '' }) },
              { key: 'type', label: 'Type', value: url.type, options: [{ value: '', label: 'All types' }, ...RESOURCE_TYPES], onChange: (v) => setUrl({ type: v as ResourceType | '' }) },
              { key: 'program', label: 'Program', value: url.program, options: [{ value: '', label: 'All programs' }, ...programOptions.map((p) => ({ value: p.id, label: p.name }))], onChange: (v) => setUrl({ program: v }) },
            ]}
            onReset={filtered ? () => setUrl({ status: '', type: '', program: '', search: '', page: 1 }) : undefined}
          />
          {list.isError ? (
            <QueryErrorState title="We couldn’t load your resources" error={list.error} onRetry={() => void list.refetch()} />
          ) : list.isPending ? (
            <PartnerLoadingSkeleton variant="lines" count={4} label="Loading your resources" />
          ) : list.data.items.length === 0 ? (
            <PartnerEmptyState
              icon={FolderOpen}
              testId="resources-empty"
              title={filtered ? 'No resources match' : 'No resources yet'}
              description={filtered ? 'Clear the filters to see all your resources.' : 'Upload a worksheet, slides, a video or a recording; it waits here for Elimu’s review.'}
            />
          ) : (
            <>
              <ul className="flex flex-col gap-2" data-testid="resources-list">
                {list.data.items.map((r) => (
                  <ResourceItem key={r.id} resource={r} open={url.resource === r.id} onToggle={() => setUrl({ resource: url.resource === r.id ? '' : r.id, page: url.page })} />
                ))}
              </ul>
              <ListPager page={url.page} pages={Math.max(1, Math.ceil(total / PAGE_SIZE))} total={total} noun="resources" onPage={(page) => setUrl({ page })} />
            </>
          )}
        </section>
      </div>
    </>
  );
}
