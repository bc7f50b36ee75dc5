import { useDeferredValue, useId, useState, type FormEvent } from 'react';
import { Loader2, Paperclip, Sparkles } from 'lucide-react';
import { isApiError } from '@/lib/api';
import { aiProviderLabel } from '@/lib/format';
import { useCreateTicket, useTriagePreview, type NewTicket } from '@/services/partner/support';
import type { TicketDetail } from '@/types/partner';
import { ACCEPTED_FILES, categoryLabel, MAX_FILE_BYTES, MAX_FILES, priorityLabel, TICKET_CATEGORIES, TICKET_PRIORITIES } from './ticket-labels';

const EMPTY: NewTicket = { subject: '', description: '', category: '', priority: '', files: [] };

/**
 * The new-ticket form. As the partner types, triage's suggestion shows beside the choices; left on "Let triage
 * choose", the suggestion is used, and a choice of the partner's own is kept as chosen.
 */
export function NewTicketForm({ onCreated }: { onCreated: (ticket: TicketDetail) => void }) {
  const id = useId();
  const [values, setValues] = useState<NewTicket>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateTicket();
  const subject = useDeferredValue(values.subject);
  const description = useDeferredValue(values.description);
  const triage = useTriagePreview(subject, description);
  const set = <K extends keyof NewTicket>(key: K, value: NewTicket[K]) => setValues((v) => ({ ...v, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!values.subject.trim()) problems.subject = 'Say in a few words what the ticket is about.';
    if (!values.description.trim()) problems.description = 'Describe the problem or the question.';
    if (values.files.length > MAX_FILES) problems.files = `Attach at most ${MAX_FILES} files.`;
    if (values.files.some((f) => f.size > MAX_FILE_BYTES)) problems.files = 'Each file must be 5 MB or less.';
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    try {
      const ticket = await create.mutateAsync({ ...values, subject: values.subject.trim(), description: values.description.trim() });
      setValues(EMPTY);
      onCreated(ticket);
    } catch (err) {
      if (!isApiError(err)) throw err;
      const byField: Record<string, string> = {};
      for (const [k, msgs] of Object.entries(err.errors ?? {})) byField[k.startsWith('files') ? 'files' : k] = msgs.join(' ');
      if (Object.keys(byField).length === 0) byField.form = err.detail ?? err.message;
      setErrors(byField);
    }
  };

  const suggestion = triage.data;
  const field = (name: string) => `${id}-${name}`;
  const describedBy = (name: string) => (errors[name] ? `${field(name)}-error` : undefined);
  const ErrorText = ({ name }: { name: string }) =>
    errors[name] ? (
      <p id={`${field(name)}-error`} className="text-xs text-brand-text">
        {errors[name]}
      </p>
    ) : null;

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" data-testid="new-ticket-form" aria-label="New ticket">
      <div className="flex flex-col gap-1.5">
        <label htmlFor={field('subject')} className="text-xs font-medium text-fg-muted">Subject</label>
        <input id={field('subject')} className="input" maxLength={200} value={values.subject} onChange={(e) => set('subject', e.target.value)}
          aria-invalid={!!errors.subject} aria-describedby={describedBy('subject')} aria-required data-testid="ticket-subject" />
        <ErrorText name="subject" />
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={field('description')} className="text-xs font-medium text-fg-muted">Description</label>
        <textarea id={field('description')} className="input min-h-28" maxLength={10000} value={values.description}
          onChange={(e) => set('description', e.target.value)} aria-invalid={!!errors.description} aria-describedby={describedBy('description')}
          aria-required data-testid="ticket-description" />
        <ErrorText name="description" />
      </div>

      <div role="status" aria-live="polite" className="flex min-h-10 items-center gap-2 rounded-lg border border-violet-500/30 bg-violet-500/10 px-3 py-2 text-sm" data-testid="triage-suggestion">
        <Sparkles className="size-4 shrink-0 text-violet-300" aria-hidden="true" />
        {suggestion ? (
          <span>
            Triage suggests <strong data-testid="triage-category">{categoryLabel(suggestion.category)}</strong> ·{' '}
            <strong data-testid="triage-priority">{priorityLabel(suggestion.priority)}</strong>
            <span className="ml-1 text-xs text-fg-subtle" data-testid="triage-provider">({aiProviderLabel(suggestion.source)} · {suggestion.model})</span>
          </span>
        ) : (
          <span className="text-fg-muted">Type a subject and a description to see the suggested category and priority.</span>
        )}
      </div>

      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <label htmlFor={field('category')} className="text-xs font-medium text-fg-muted">Category</label>
          <select id={field('category')} className="input" value={values.category} onChange={(e) => set('category', e.target.value as NewTicket['category'])}
            aria-describedby={describedBy('category')} data-testid="ticket-category">
            <option value="">Let triage choose{suggestion ? ` (${categoryLabel(suggestion.category)})` : ''}</option>
            {TICKET_CATEGORIES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </select>
          <ErrorText name="category" />
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={field('priority')} className="text-xs font-medium text-fg-muted">Priority</label>
          <select id={field('priority')} className="input" value={values.priority} onChange={(e) => set('priority', e.target.value as NewTicket['priority'])}
            aria-describedby={describedBy('priority')} data-testid="ticket-priority">
            <option value="">Let triage choose{suggestion ? ` (${priorityLabel(suggestion.priority)})` : ''}</option>
            {TICKET_PRIORITIES.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
          </select>
          <ErrorText name="priority" />
        </div>
      </div>

      <div className="flex flex-col gap-1.5">
        <label className="btn-secondary w-fit cursor-pointer">
          <Paperclip className="size-4" aria-hidden="true" />
          {values.files.length > 0 ? values.files.map((f) => f.name).join(', ') : 'Attach files (PDF, PNG, JPEG, TXT, CSV, XLSX; 5 MB each)'}
          <input type="file" multiple accept={ACCEPTED_FILES} className="sr-only" data-testid="ticket-files" aria-describedby={describedBy('files')}
            onChange={(e) => set('files', Array.from(e.target.files ?? []))} />
        </label>
        <ErrorText name="files" />
      </div>
      <ErrorText name="form" />
      <button type="submit" className="btn-primary self-end" disabled={create.isPending} data-testid="ticket-submit">
        {create.isPending && <Loader2 className="size-4 animate-spin" aria-hidden="true" />}
        Open ticket
      </button>
    </form>
  );
}
