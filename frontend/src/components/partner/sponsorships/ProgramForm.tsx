import { useId, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { ProgramRequest } from '@/types/partner';
import { FormField, fieldIds, RequiredFieldsNote } from './FormField';
import { ProgramGoalsFieldset } from './ProgramGoalsFieldset';
import { applyServerErrors, formToProgramRequest, isProgramFormField, MIN_CHILDREN, programFormSchema, type ProgramFormValues } from './program-schema';

export interface ProgramFormProps {
  /** The form element's id, so a submit button outside it (a modal footer) can submit it. */
  formId: string;
  defaultValues: ProgramFormValues;
  /** After submission: terms (type, billing, price, currency, minimum) can no longer change. */
  termsLocked?: boolean;
  onSubmit: (request: ProgramRequest) => Promise<unknown>;
  /** More fields after the goals, kept by the caller (the new program's preferences). */
  children?: ReactNode;
}

/**
 * A sponsorship program's fields with the server's rules checked as the partner types, and the
 * server's own field errors (400 `errors`) shown under the same fields.
 */
export function ProgramForm({ formId, defaultValues, termsLocked, onSubmit, children }: ProgramFormProps) {
  const id = useId();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ProgramFormValues>({ resolver: zodResolver(programFormSchema), defaultValues, mode: 'onTouched' });

  const submit = handleSubmit(async (values) => {
    setFormErrors([]);
    try {
      await onSubmit(formToProgramRequest(values));
    } catch (error) {
      setFormErrors(applyServerErrors(error, setError, isProgramFormField));
    }
  });

  const { field, described } = fieldIds(id);

  return (
    <form id={formId} onSubmit={submit} noValidate className="flex flex-col gap-4" data-testid="program-form">
      <RequiredFieldsNote />
      {formErrors.length > 0 && (
        <div role="alert" data-testid="program-form-error" className="rounded-lg border border-brand/40 bg-brand-soft px-3 py-2.5 text-sm text-fg">
          {formErrors.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}

      <FormField label="Program name" htmlFor={field('name')} error={errors.name} errorId={`${field('name')}-error`} required>
        <input id={field('name')} className="input" autoComplete="off" aria-invalid={!!errors.name} aria-describedby={described('name', errors.name)} {...register('name')} />
      </FormField>

      <FormField label="Description" htmlFor={field('description')} error={errors.description} errorId={`${field('description')}-error`}>
        <textarea id={field('description')} rows={2} className="input" aria-invalid={!!errors.description} aria-describedby={described('description', errors.description)} {...register('description')} />
      </FormField>

      {termsLocked ? (
        <div className="rounded-lg border border-line bg-elevated px-3 py-2.5 text-xs text-fg-muted" data-testid="terms-locked-note">
          <p>
            This program has been submitted, so its terms are fixed: {defaultValues.programType} program, {defaultValues.billingPeriod} billing at{' '}
            {defaultValues.currency} {defaultValues.pricePerChild} per child, at least {defaultValues.minChildren} children. Every other term is what
            the admin reviews and the guardians are shown, and cannot change either.
          </p>
        </div>
      ) : null}

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {!termsLocked && (
          <>
            <FormField label="Program type" htmlFor={field('programType')} error={errors.programType} errorId={`${field('programType')}-error`} required>
              <select id={field('programType')} className="input" aria-invalid={!!errors.programType} aria-describedby={described('programType', errors.programType)} {...register('programType')}>
                <option value="cohort">Cohort (a group followed together)</option>
                <option value="direct">Direct (individual children)</option>
              </select>
            </FormField>
            <FormField label="Billing period" htmlFor={field('billingPeriod')} error={errors.billingPeriod} errorId={`${field('billingPeriod')}-error`} required>
              <select id={field('billingPeriod')} className="input" aria-invalid={!!errors.billingPeriod} aria-describedby={described('billingPeriod', errors.billingPeriod)} {...register('billingPeriod')}>
                <option value="monthly">Monthly</option>
                <option value="termly">Termly (three school terms)</option>
                <option value="annual">Annual</option>
              </select>
            </FormField>
            <FormField
              label="Minimum children"
              htmlFor={field('minChildren')}
              error={errors.minChildren}
              errorId={`${field('minChildren')}-error`}
              hint={`At least ${MIN_CHILDREN}; the program can be submitted once this many are enrolled.`}
              hintId={`${field('minChildren')}-hint`}
            >
              <input id={field('minChildren')} className="input" inputMode="numeric" aria-invalid={!!errors.minChildren} aria-describedby={described('minChildren', errors.minChildren, true)} {...register('minChildren')} />
            </FormField>
          </>
        )}
        <FormField
          label="Maximum children"
          htmlFor={field('maxChildren')}
          error={errors.maxChildren}
          errorId={`${field('maxChildren')}-error`}
          hint="Leave empty for no maximum."
          hintId={`${field('maxChildren')}-hint`}
        >
          <input id={field('maxChildren')} className="input" inputMode="numeric" aria-invalid={!!errors.maxChildren} aria-describedby={described('maxChildren', errors.maxChildren, true)} {...register('maxChildren')} />
        </FormField>
        {!termsLocked && (
          <>
            <FormField label="Price per child" htmlFor={field('pricePerChild')} error={errors.pricePerChild} errorId={`${field('pricePerChild')}-error`} required>
              <input id={field('pricePerChild')} className="input" inputMode="decimal" placeholder="e.g. 1500" aria-invalid={!!errors.pricePerChild} aria-describedby={described('pricePerChild', errors.pricePerChild)} {...register('pricePerChild')} />
            </FormField>
            <FormField label="Currency" htmlFor={field('currency')} error={errors.currency} errorId={`${field('currency')}-error`} hint="ISO 4217 code, e.g. KES." hintId={`${field('currency')}-hint`} required>
              <input id={field('currency')} className="input uppercase" maxLength={3} autoComplete="off" aria-invalid={!!errors.currency} aria-describedby={described('currency', errors.currency, true)} {...register('currency')} />
            </FormField>
          </>
        )}

        <FormField label="Start date" htmlFor={field('startDate')} error={errors.startDate} errorId={`${field('startDate')}-error`}>
          <input id={field('startDate')} type="date" className="input" aria-invalid={!!errors.startDate} aria-describedby={described('startDate', errors.startDate)} {...register('startDate')} />
        </FormField>
        <FormField label="End date" htmlFor={field('endDate')} error={errors.endDate} errorId={`${field('endDate')}-error`} hint="Leave empty for an open-ended program." hintId={`${field('endDate')}-hint`}>
          <input id={field('endDate')} type="date" className="input" aria-invalid={!!errors.endDate} aria-describedby={described('endDate', errors.endDate, true)} {...register('endDate')} />
        </FormField>
      </div>

      <FormField label="Custom pricing notes" htmlFor={field('customPricingNotes')} error={errors.customPricingNotes} errorId={`${field('customPricingNotes')}-error`}>
        <textarea id={field('customPricingNotes')} rows={2} className="input" aria-invalid={!!errors.customPricingNotes} aria-describedby={described('customPricingNotes', errors.customPricingNotes)} {...register('customPricingNotes')} />
      </FormField>

      <ProgramGoalsFieldset idPrefix={id} control={control} register={register} errors={errors} />
      {children}
    </form>
  );
}
