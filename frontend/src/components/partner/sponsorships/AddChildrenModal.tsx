import { useMemo, useState } from 'react';
import { Loader2, UserPlus } from 'lucide-react';
import { PartnerBadge, PartnerDataTable, PartnerModal, type DataTableColumn } from '@/components/partner/shared';
import { formatGrade, GRADE_OPTIONS, KENYA_COUNTIES } from '@/components/partner/children/child-format';
import { formatNumber } from '@/lib/format';
import { isApiError } from '@/lib/api';
import { refusedStudents, useAddChildren, useAvailableStudents } from '@/services/partner/sponsorships';
import { toast } from '@/store/toastStore';
import type { CbcGrade, ProgramResponse, RefusedStudent, StudentPreview } from '@/types/partner';
import { useDebouncedValue } from './use-debounced-value';

const PAGE_SIZE = 20;

/** The learning needs schools record for their pupils (a filter; the API matches exactly). */
export const LEARNING_NEEDS = [
  'reading support',
  'numeracy support',
  'English language support',
  'speech and language support',
  'attention support',
  'hearing impairment',
  'low vision',
];

const REASONS: Record<string, string> = {
  not_found: 'Not found',
  duplicate_in_request: 'Chosen twice',
  already_in_program: 'Already in this program',
  in_another_program: 'In another of your programs',
  over_max_children: 'Over the maximum',
};

export interface AddChildrenModalProps {
  open: boolean;
  onClose: () => void;
  program: ProgramResponse;
}

/**
 * Picks students not yet sponsored by this partner (first name and last initial only: no consent yet),
 * filtered by grade, county, school, learning need and name, and adds them all or none.
 */
export function AddChildrenModal({ open, onClose, program }: AddChildrenModalProps) {
  const [grade, setGrade] = useState<CbcGrade | ''>('');
  const [county, setCounty] = useState('');
  const [school, setSchool] = useState('');
  const [learningNeed, setLearningNeed] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Map<string, StudentPreview>>(new Map());
  const [refused, setRefused] = useState<RefusedStudent[]>([]);
  const debouncedSearch = useDebouncedValue(search.trim());
  const debouncedSchool = useDebouncedValue(school.trim());

  const students = useAvailableStudents(
    { grade, county, school: debouncedSchool, learningNeed, search: debouncedSearch, page, pageSize: PAGE_SIZE },
    open,
  );
  const add = useAddChildren(program.id);
  const rows = useMemo(() => students.data?.items ?? [], [students.data]);

  const room = program.maxChildren === null ? null : Math.max(0, program.maxChildren - program.children.enrolled);
  const overRoom = room !== null && selected.size > room;

  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  const toggle = (s: StudentPreview) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (next.has(s.studentId)) next.delete(s.studentId);
      else next.set(s.studentId, s);
      return next;
    });
  const allOnPage = rows.length > 0 && rows.every((s) => selected.has(s.studentId));
  const toggleAll = () =>
    setSelected((prev) => {
      const next = new Map(prev);
      for (const s of rows) {
        if (allOnPage) next.delete(s.studentId);
        else next.set(s.studentId, s);
      }
      return next;
    });

  const close = () => {
    setSelected(new Map());
    setRefused([]);
    add.reset();
    onClose();
  };

  const submit = () => {
    setRefused([]);
    add.mutate([...selected.keys()], {
      onSuccess: (result) => {
        toast.success(`Added ${result.added.length} ${result.added.length === 1 ? 'child' : 'children'} to “${program.name}”. Request their guardians’ consent next.`);
        close();
      },
      onError: (error) => setRefused(refusedStudents(error)),
    });
  };

  const dropRefused = () => {
    setSelected((prev) => {
      const next = new Map(prev);
      for (const r of refused) next.delete(r.studentId);
      return next;
    });
    setRefused([]);
    add.reset();
  };

  const refusedById = new Map(refused.map((r) => [r.studentId, r]));
  const columns: DataTableColumn<StudentPreview>[] = [
    {
      key: 'select',
      header: <input type="checkbox" className="size-4 accent-[#E40000]" checked={allOnPage} onChange={toggleAll} aria-label="Select every student on this page" data-testid="select-all-students" />,
      cell: (s) => (
        <input type="checkbox" className="size-4 accent-[#E40000]" checked={selected.has(s.studentId)} onChange={() => toggle(s)} aria-label={`Select ${s.displayName}`} />
      ),
      className: 'w-10',
    },
    {
      key: 'name',
      header: 'Student',
      cell: (s) => (
        <div className="flex min-w-0 flex-col">
          <span className="font-medium">{s.displayName}</span>
          <span className="text-xs text-fg-subtle">
            <span className="sm:hidden">
              {formatGrade(s.grade)} · {s.county} ·{' '}
            </span>
            {s.school}
          </span>
          {s.learningNeeds.length > 0 && <span className="text-xs text-violet-300 lg:hidden">{s.learningNeeds.join(', ')}</span>}
          {refusedById.has(s.studentId) && <span className="text-xs text-brand-text">{refusedById.get(s.studentId)!.message}</span>}
        </div>
      ),
    },
    { key: 'grade', header: 'Grade', cell: (s) => formatGrade(s.grade), className: 'hidden sm:table-cell whitespace-nowrap' },
    { key: 'county', header: 'County', cell: (s) => s.county, className: 'hidden sm:table-cell' },
    {
      key: 'needs',
      header: 'Learning needs',
      cell: (s) =>
        s.learningNeeds.length === 0 ? (
          <span className="text-fg-subtle">—</span>
        ) : (
          <span className="flex flex-wrap gap-1">
            {s.learningNeeds.map((n) => (
              <PartnerBadge key={n} tone="violet">
                {n}
              </PartnerBadge>
            ))}
          </span>
        ),
      className: 'hidden lg:table-cell',
    },
  ];

  const otherError = add.isError && refused.length === 0 ? (isApiError(add.error) ? (add.error.detail ?? add.error.message) : add.error.message) : null;

  return (
    <PartnerModal
      open={open}
      onClose={close}
      size="lg"
      title={`Add children to “${program.name}”`}
      description={
        room === null
          ? 'Students not yet in any of your programs. You see first names and last initials until a guardian consents.'
          : `Room for ${formatNumber(room)} more (maximum ${formatNumber(program.maxChildren ?? 0)}). You see first names and last initials until a guardian consents.`
      }
      testId="add-children-modal"
      footer={
        <>
          <span className="mr-auto self-center text-xs text-fg-muted" data-testid="selected-count" aria-live="polite">
            {formatNumber(selected.size)} selected
            {overRoom && <span className="text-brand-text"> · more than the {formatNumber(room)} places left</span>}
          </span>
          <button type="button" className="btn-secondary" onClick={close}>
            Cancel
          </button>
          <button type="button" className="btn-primary" onClick={submit} disabled={selected.size === 0 || add.isPending || selected.size > 500} data-testid="add-children-submit">
            {add.isPending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : <UserPlus className="size-4" aria-hidden="true" />}
            Add {selected.size > 0 ? formatNumber(selected.size) : ''} {selected.size === 1 ? 'child' : 'children'}
          </button>
        </>
      }
    >
      <div className="flex flex-col gap-3">
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3" role="search" aria-label="Filter students">
          <label className="col-span-2 flex flex-col gap-1 text-xs text-fg-subtle sm:col-span-3">
            Search by first name or school
            <input type="search" className="input" value={search} onChange={(e) => filter(setSearch)(e.target.value)} placeholder="e.g. Amani" />
          </label>
          <label className="flex flex-col gap-1 text-xs text-fg-subtle">
            Grade
            <select className="input" value={grade} onChange={(e) => filter(setGrade)(e.target.value as CbcGrade | '')}>
              <option value="">All grades</option>
              {GRADE_OPTIONS.map((g) => (
                <option key={g.value} value={g.value}>
                  {g.label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-xs text-fg-subtle">
            County
            <select className="input" value={county} onChange={(e) => filter(setCounty)(e.target.value)}>
              <option value="">All counties</option>
              {KENYA_COUNTIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-xs text-fg-subtle">
            Learning need
            <select className="input" value={learningNeed} onChange={(e) => filter(setLearningNeed)(e.target.value)}>
              <option value="">Any</option>
              {LEARNING_NEEDS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <label className="col-span-2 flex flex-col gap-1 text-xs text-fg-subtle sm:col-span-3">
            School (exact name)
            <input className="input" value={school} onChange={(e) => filter(setSchool)(e.target.value)} list="add-children-schools" placeholder="Any school" />
            <datalist id="add-children-schools">
              {[...new Set(rows.map((s) => s.school))].map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          </label>
        </div>

        {refused.length > 0 && (
          <div role="alert" className="rounded-lg border border-brand/40 bg-brand-soft p-3 text-sm text-fg" data-testid="refused-list">
            <p className="font-medium">
              {refused.length} of {selected.size} students were refused, so nothing was added.
            </p>
            <ul className="mt-2 flex flex-col gap-1 text-xs">
              {refused.map((r) => (
                <li key={`${r.studentId}-${r.reason}`} data-testid="refused-item">
                  <span className="font-medium">{selected.get(r.studentId)?.displayName ?? r.studentId}</span>
                  {' — '}
                  <span className="text-fg-muted">{REASONS[r.reason] ?? r.reason}:</span> {r.message}
                </li>
              ))}
            </ul>
            <button type="button" className="btn-secondary mt-3 px-3 py-1.5 text-xs" onClick={dropRefused}>
              Drop the refused students
            </button>
          </div>
        )}
        {otherError && (
          <p role="alert" className="rounded-lg border border-brand/40 bg-brand-soft px-3 py-2 text-sm text-fg">
            {otherError}
          </p>
        )}

        {students.isError ? (
          <p role="alert" className="text-sm text-brand-text">
            {students.error.message}
          </p>
        ) : (
          <PartnerDataTable
            caption="Students available to sponsor"
            columns={columns}
            rows={rows}
            getRowKey={(s) => s.studentId}
            isLoading={students.isPending}
            empty="No students match these filters (children already in one of your programs are not listed)."
            pagination={{ page, pageSize: PAGE_SIZE, total: students.data?.total ?? 0, onPageChange: setPage }}
            testId="available-students"
          />
        )}
      </div>
    </PartnerModal>
  );
}
