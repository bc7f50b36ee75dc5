import { GRADE_OPTIONS, KENYA_COUNTIES } from '@/components/partner/children/child-format';
import type { CbcGrade } from '@/types/partner';

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
  /** Schools suggested for the school filter (those of the students shown). */
  schools: string[];
}

/** The add-children picker's filters: name or school, grade, county, learning need and exact school. */
export function StudentFilters({ value, onChange, schools }: StudentFiltersProps) {
  return (
    <div className="grid grid-cols-2 gap-2 sm:grid-cols-3" role="search" aria-label="Filter students">
      <label className="col-span-2 flex flex-col gap-1 text-xs text-fg-subtle sm:col-span-3">
        Search by first name or school
        <input type="search" className="input" value={value.search} onChange={(e) => onChange({ search: e.target.value })} placeholder="e.g. Amani" />
      </label>
      <label className="flex flex-col gap-1 text-xs text-fg-subtle">
        Grade
        <select className="input" value={value.grade} onChange={(e) => onChange({ grade: e.target.value as CbcGrade | '' })}>
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
        <select className="input" value={value.county} onChange={(e) => onChange({ county: e.target.value })}>
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
        <select className="input" value={value.learningNeed} onChange={(e) => onChange({ learningNeed: e.target.value })}>
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
        <input className="input" value={value.school} onChange={(e) => onChange({ school: e.target.value })} list="add-children-schools" placeholder="Any school" />
        <datalist id="add-children-schools">
          {schools.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </label>
    </div>
  );
}
