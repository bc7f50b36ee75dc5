import { useId, useState, type FormEvent } from 'react';
import { Search, X } from 'lucide-react';
import {
  AUDIT_FILTER_KEYS,
  EMPTY_AUDIT_FILTER,
  MAX_ACTION_LENGTH,
  hasErrors,
  validateAuditFilter,
  type AuditFilterErrors,
  type AuditFilterValues,
} from './audit-filters';

export interface AuditFilterFormProps {
  /** The filters in the URL; the form starts from them (remount it with a `key` when they change). */
  initial: AuditFilterValues;
  /** Called with valid filters only. */
  onApply: (values: AuditFilterValues) => void;
}

const FIELDS: { key: keyof AuditFilterValues; label: string; type: 'text' | 'date'; placeholder?: string; hint?: string }[] = [
  { key: 'studentId', label: 'Child ID', type: 'text', placeholder: 'UUID' },
  { key: 'partnerId', label: 'Partner ID', type: 'text', placeholder: 'UUID' },
  { key: 'actorId', label: 'Actor ID', type: 'text', placeholder: 'UUID' },
  { key: 'action', label: 'Action', type: 'text', placeholder: 'consent. or child.read.list', hint: 'Exact, or a prefix ending in a dot.' },
  { key: 'from', label: 'From', type: 'date' },
  { key: 'to', label: 'To (inclusive)', type: 'date' },
];

/** Action families the API writes, offered as suggestions (any other action can be typed). */
const ACTION_SUGGESTIONS = ['child.read.', 'consent.', 'program.', 'auth.', 'enrollments.import', 'goals.update'];

/** The audit search form: ids, action and Nairobi dates, checked before they reach the URL. */
export function AuditFilterForm({ initial, onApply }: AuditFilterFormProps) {
  const id = useId();
  const [values, setValues] = useState(initial);
  // Filters that came in the URL are checked at once, so a bad link explains itself.
  const [errors, setErrors] = useState<AuditFilterErrors>(() => validateAuditFilter(initial));
  const anySet = AUDIT_FILTER_KEYS.some((key) => initial[key] || values[key]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateAuditFilter(values);
    setErrors(found);
    if (!hasErrors(found)) onApply(values);
  };

  const clear = () => {
    setValues(EMPTY_AUDIT_FILTER);
    setErrors({});
    onApply(EMPTY_AUDIT_FILTER);
  };

  return (
    <form role="search" aria-label="Audit log filters" className="card mb-4 flex flex-col gap-4 p-4" onSubmit={submit} noValidate data-testid="audit-filters">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {FIELDS.map((field) => {
          const error = errors[field.key];
          const describedBy = error ? `${id}-${field.key}-error` : field.hint ? `${id}-${field.key}-hint` : undefined;
          return (
            <div key={field.key} className="flex min-w-0 flex-col gap-1">
              <label htmlFor={`${id}-${field.key}`} className="text-xs font-medium text-fg-muted">
                {field.label}
              </label>
              <input
                id={`${id}-${field.key}`}
                name={field.key}
                type={field.type}
                className="input"
                placeholder={field.placeholder}
                value={values[field.key]}
                maxLength={field.key === 'action' ? MAX_ACTION_LENGTH : undefined}
                list={field.key === 'action' ? `${id}-actions` : undefined}
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => setValues((v) => ({ ...v, [field.key]: e.target.value }))}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy}
              />
              {field.hint && !error && (
                <p id={`${id}-${field.key}-hint`} className="text-xs text-fg-subtle">
                  {field.hint}
                </p>
              )}
              {error && (
                <p id={`${id}-${field.key}-error`} className="text-xs text-brand-text" data-testid={`audit-filter-error-${field.key}`}>
                  {error}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <datalist id={`${id}-actions`}>
        {ACTION_SUGGESTIONS.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className="btn-primary min-h-10">
          <Search className="size-4" aria-hidden="true" /> Search
        </button>
        {anySet && (
          <button type="button" className="btn-ghost min-h-10" onClick={clear}>
            <X className="size-4" aria-hidden="true" /> Clear filters
          </button>
        )}
      </div>
    </form>
  );
}
