import { cloneElement, isValidElement, type ReactNode } from 'react';
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

/** A label, the control, an optional hint and the field's error message. A required field's label carries a
 * visible asterisk (hidden from screen readers) and its control `aria-required`, which screen readers announce. */
export function FormField({ label, htmlFor, error, errorId, hint, hintId, required, children }: FormFieldProps) {
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <label htmlFor={htmlFor} className={cn('text-xs font-medium text-fg-muted', required && REQUIRED_MARK)} data-required={required ? 'true' : undefined}>
        {label}
      </label>
      {required && isValidElement<{ 'aria-required'?: boolean }>(children) ? cloneElement(children, { 'aria-required': true }) : children}
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

/** The asterisk after a required field's label: drawn by CSS, so it is seen but not read (the control says aria-required). */
export const REQUIRED_MARK = "after:ml-0.5 after:text-brand-text after:content-['*']";

/** The key to the asterisks, at the top of a form with required fields. */
export function RequiredFieldsNote() {
  return (
    <p className="text-[11px] text-fg-subtle" data-testid="required-note">
      Fields marked <span className="text-brand-text">*</span> are required.
    </p>
  );
}
