import { useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Loader2, UserPlus } from 'lucide-react';
import { PartnerModal } from '@/components/partner/shared';
import { formatNumber } from '@/lib/format';
import { useSearchDraft } from '@/lib/use-search-draft';
import { urlParam, useUrlState, type UrlParam } from '@/lib/use-url-state';
import { isApiError } from '@/lib/api';
import { useAvailableStudents } from '@/services/partner/available-students';
import { refusedStudents, useAddChildren } from '@/services/partner/programs';
import { toast } from '@/store/toastStore';
import type { CbcGrade, ProgramResponse, RefusedStudent, StudentPreview } from '@/types/partner';
import { AvailableStudentsTable } from './AvailableStudentsTable';
import { RefusedStudentsAlert } from './RefusedStudentsAlert';
import { SelectedStudentChips } from './SelectedStudentChips';
import { StudentFilters, type StudentFilterValues } from './StudentFilters';
import { useRowSelection } from './use-row-selection';

const PAGE_SIZE = 20;

/**
 * The picker's state in the URL (`add=true` while open), so a reload reopens it on the same search. Its filters replace
 * the history entry: Back closes the picker rather than stepping through its filters.
 */
export const ADD_CHILDREN_URL = {
  add: urlParam.flag(),
  addQ: urlParam.search(),
  addGrade: { ...urlParam.string(), replace: true } as UrlParam<CbcGrade | ''>,
  addCounty: urlParam.string('', { replace: true }),
  addNeed: urlParam.string('', { replace: true }),
  addSchool: urlParam.string('', { replace: true }),
  addPage: { ...urlParam.page(), replace: true },
};

const CLOSED = { add: false, addQ: '', addGrade: '', addCounty: '', addNeed: '', addSchool: '', addPage: 1 } as const;
const OPENED_HERE = 'add-children-opened';

/** Opens and closes the picker. Closing goes Back when opening pushed the entry, so no dead entry is left behind. */
export function useAddChildrenPicker() {
  const [url, setUrl] = useUrlState(ADD_CHILDREN_URL);
  const location = useLocation();
  const navigate = useNavigate();
  return {
    open: url.add,
    show: () => setUrl({ add: true }, { state: OPENED_HERE }),
    close: () => (location.state === OPENED_HERE ? void navigate(-1) : setUrl(CLOSED, { replace: true, state: null })),
  };
}

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
  const [url, setUrl] = useUrlState(ADD_CHILDREN_URL);
  const [search, setSearch] = useSearchDraft(url.addQ, (addQ) => setUrl({ addQ }));
  const [school, setSchool] = useSearchDraft(url.addSchool, (addSchool) => setUrl({ addSchool }));
  const filters: StudentFilterValues = { search, grade: url.addGrade, county: url.addCounty, learningNeed: url.addNeed, school };
  const page = url.addPage;
  const [refused, setRefused] = useState<RefusedStudent[]>([]);
  const debouncedSearch = url.addQ;
  const debouncedSchool = url.addSchool;

  const students = useAvailableStudents(
    { grade: filters.grade, county: filters.county, school: debouncedSchool, learningNeed: filters.learningNeed, search: debouncedSearch, page, pageSize: PAGE_SIZE, rankFor: program.id },
    open,
  );
  const add = useAddChildren(program.id);
  const rows = useMemo(() => students.data?.items ?? [], [students.data]);
  const selection = useRowSelection<StudentPreview>(rows, (s) => s.studentId);
  const { selected } = selection;

  const room = program.maxChildren === null ? null : Math.max(0, program.maxChildren - program.children.enrolled);
  const overRoom = room !== null && selected.size > room;
  const filtered = Object.values(filters).some((v) => v.trim() !== '');
  const available = students.data?.total;
  // Children the program lacks to reach its minimum; when fewer students than that can be added, say so and why.
  const needed = Math.max(0, program.minChildren - program.children.enrolled);
  const tooFew = available !== undefined && available < needed && program.children.enrolled + selected.size < program.minChildren;

  const changeFilters = (change: Partial<StudentFilterValues>) => {
    if (change.search !== undefined) setSearch(change.search);
    if (change.school !== undefined) setSchool(change.school);
    const { grade, county, learningNeed: need } = change;
    if (grade !== undefined || county !== undefined || need !== undefined)
      setUrl({ ...(grade !== undefined && { addGrade: grade }), ...(county !== undefined && { addCounty: county }), ...(need !== undefined && { addNeed: need }) });
  };

  const close = () => {
    selection.clear();
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
    selection.deselect(refused.map((r) => r.studentId));
    setRefused([]);
    add.reset();
  };

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
        <StudentFilters value={filters} onChange={changeFilters} />
        <SelectedStudentChips selected={selected} enrolled={program.children.enrolled} minChildren={program.minChildren} onRemove={(id) => selection.deselect([id])} />
        {tooFew && !filtered && (
          <p className="rounded-lg border border-amber-500/30 bg-amber-500/10 px-3 py-2 text-xs text-amber-200" data-testid="few-available" role="status">
            Only {formatNumber(available)} {available === 1 ? 'student is' : 'students are'} available to add, and this program needs {formatNumber(needed)} more to
            reach its minimum of {formatNumber(program.minChildren)}. Not listed: children already in one of your running programs (a child is in one program
            of yours at a time; removing or completing a program frees them) and children whose guardian recently declined a sponsor.
          </p>
        )}
        {tooFew && filtered && (
          <p className="text-xs text-fg-subtle" data-testid="few-match">
            {formatNumber(available)} {available === 1 ? 'student matches' : 'students match'} these filters; clear some to see more.
          </p>
        )}

        {refused.length > 0 && <RefusedStudentsAlert refused={refused} selected={selected} onDropRefused={dropRefused} />}
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
          <AvailableStudentsTable
            rows={rows}
            total={students.data?.total ?? 0}
            isLoading={students.isPending}
            page={page}
            pageSize={PAGE_SIZE}
            onPageChange={(addPage) => setUrl({ addPage })}
            selection={selection}
            refused={refused}
          />
        )}
      </div>
    </PartnerModal>
  );
}
