import { formatGrade } from '@/components/partner/children/child-format';
import { useFilterOptions } from '@/services/partner/filter-options';
import type { CbcGrade } from '@/types/partner';

export interface StudentFilterValues {
  search: string;
  grade: CbcGrade | '';
  county: string;
  learningNeed: string;
  school: string;
}

export const NO_STUDENT_FILTERS: StudentFilterValues = { search: '', grade: '', county: '', learningNeed: '', school: '' };

export interface StudentFiltersProps {
  value: StudentFilterValues;
  onChange: (change: Partial<StudentFilterValues>) => void;
}

/**
 * The add-children picker's filters: name or school, grade, county, learning need and exact school. The choices
 * (counties, grades, learning needs, schools) come from the API's filter options; until they load, each select
 * offers only "All".
 */
export function StudentFilters({ value, onChange }: StudentFiltersProps) {
  const options = useFilterOptions().data;
  return (
    <div className="grid grid-cols-2 gap-2 sm:grid-cols-3" role="search" aria-label="Filter students">
      <label className="col-span-2 flex flex-col gap-1 text-xs text-fg-subtle sm:col-span-3">
        Search by first name, whole surname, admission number or school
        <input type="search" className="input" value={value.search} onChange={(e) => onChange({ search: e.target.value })} placeholder="e.g. Amani, Otieno or ADM-1042" />
      </label>
      <label className="flex flex-col gap-1 text-xs text-fg-subtle">
        Grade
        <select className="input" value={value.grade} onChange={(e) => onChange({ grade: e.target.value as CbcGrade | '' })}>
          <option value="">All grades</option>
          {(options?.grades ?? []).map((g) => (
            <option key={g} value={g}>
              {formatGrade(g)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-fg-subtle">
        County
        <select className="input" value={value.county} onChange={(e) => onChange({ county: e.target.value })}>
          <option value="">All counties</option>
          {(options?.counties ?? []).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-fg-subtle">
        Learning need
        <select className="input" value={value.learningNeed} onChange={(e) => onChange({ learningNeed: e.target.value })}>
          <option value="">Any</option>
          {(options?.learningNeeds ?? []).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className="col-span-2 flex flex-col gap-1 text-xs text-fg-subtle sm:col-span-3">
        School (exact name)
        <input className="input" value={value.school} onChange={(e) => onChange({ school: e.target.value })} list="add-children-schools" placeholder="Any school" />
        <datalist id="add-children-schools">
          {(options?.schools ?? []).map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </label>
    </div>
  );
}
