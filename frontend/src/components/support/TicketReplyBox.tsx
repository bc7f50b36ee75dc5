import { useId, useState, type FormEvent } from 'react';
import { Loader2, Paperclip, Send } from 'lucide-react';
import { isApiError } from '@/lib/api';
import { ACCEPTED_FILES, MAX_FILE_BYTES, MAX_FILES } from './ticket-labels';

/** What a reply may carry: the picker's types, how many files of what size, and whether text is required. */
export interface ReplyRules {
  accept: string;
  maxFiles: number;
  maxFileBytes: number;
  /** Messages need text; a ticket reply may be files alone. */
  textRequired: boolean;
}

export const TICKET_REPLY_RULES: ReplyRules = { accept: ACCEPTED_FILES, maxFiles: MAX_FILES, maxFileBytes: MAX_FILE_BYTES, textRequired: false };

export interface TicketReplyBoxProps {
  onSend: (reply: { body: string; files: File[] }) => Promise<unknown>;
  pending: boolean;
  label?: string;
  rules?: ReplyRules;
  /** The prefix of the test ids (`ticket-reply-body`, `-files`, `-send`, `-error`, `-form`). */
  testId?: string;
}

/**
 * A reply with optional files, for tickets and for messages (with their own rules); the server's ProblemDetails
 * (per-field errors such as body or attachments, else its detail) show under the box.
 */
export function TicketReplyBox({ onSend, pending, label = 'Reply', rules = TICKET_REPLY_RULES, testId = 'ticket-reply' }: TicketReplyBoxProps) {
  const id = useId();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [fileKey, setFileKey] = useState(0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (rules.textRequired && !body.trim()) return setError('Write a reply.');
    if (!body.trim() && files.length === 0) return setError('Write a reply or attach a file.');
    if (files.length > rules.maxFiles) return setError(`Attach at most ${rules.maxFiles} files.`);
    if (files.some((f) => f.size > rules.maxFileBytes)) return setError(`Each file must be ${Math.round(rules.maxFileBytes / (1024 * 1024))} MB or less.`);
    try {
      await onSend({ body: body.trim(), files });
      setBody('');
      setFiles([]);
      setFileKey((k) => k + 1);
    } catch (err) {
      if (!isApiError(err)) throw err;
      const fieldMessages = Object.values(err.errors ?? {}).flat();
      setError(fieldMessages.length > 0 ? fieldMessages.join(' ') : (err.detail ?? err.message));
    }
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-2" data-testid={`${testId}-form`} aria-label={label}>
      <label htmlFor={`${id}-body`} className="text-xs font-medium text-fg-muted">
        {label}
      </label>
      <textarea id={`${id}-body`} className="input min-h-24" value={body} onChange={(e) => setBody(e.target.value)} maxLength={10000}
        data-testid={`${testId}-body`} aria-describedby={error ? `${id}-error` : undefined} />
      <div className="flex flex-wrap items-center gap-2">
        <label className="btn-secondary cursor-pointer">
          <Paperclip className="size-4" aria-hidden="true" />
          <span>{files.length > 0 ? `${files.length} file${files.length === 1 ? '' : 's'}` : 'Attach files'}</span>
          <input key={fileKey} type="file" multiple accept={rules.accept} className="sr-only" data-testid={`${testId}-files`}
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
        </label>
        <button type="submit" className="btn-primary ml-auto" disabled={pending} data-testid={`${testId}-send`}>
          {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : <Send className="size-4" aria-hidden="true" />}
          Send
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-brand-text" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
    </form>
  );
}
