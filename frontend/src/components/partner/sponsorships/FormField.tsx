import type { ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';
import { cn } from '@/lib/cn';

/** Ids for a form's fields under one prefix, and each field's `aria-describedby` (its error, its hint). */
export function fieldIds(prefix: string) {
  const field = (name: string) => `${prefix}-${name}`;
  const described = (name: string, error?: FieldError, hint?: boolean) => cn(error && `${field(name)}-error`, hint && `${field(name)}-hint`) || undefined;
  return { field, described };
}

export interface FormFieldProps {
  label: string;
  htmlFor: string;
  error?: FieldError;
  errorId: string;
  hint?: string;
  hintId?: string;
  required?: boolean;
  children: ReactNode;
}

/** A label, the control, an optional hint and the field's error message. */
export function FormField({ label, htmlFor, error, errorId, hint, hintId, required, children }: FormFieldProps) {
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <label htmlFor={htmlFor} className="text-xs font-medium text-fg-muted">
        {label}
        {required && <span className="text-brand-text"> *</span>}
      </label>
      {children}
      {hint && (
        <p id={hintId} className="text-[11px] text-fg-subtle">
          {hint}
        </p>
      )}
      {error?.message && (
        <p id={errorId} className="text-xs text-brand-text">
          {error.message}
        </p>
      )}
    </div>
  );
}
