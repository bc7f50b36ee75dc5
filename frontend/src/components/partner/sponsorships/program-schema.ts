import { z } from 'zod';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from '@/lib/api';
import { formatNumber } from '@/lib/format';
import type { ProgramRequest, ProgramResponse } from '@/types/partner';
import { findProgramGoalMetric } from './program-goal-metrics';

// The program form: the server's rules (Partners/Sponsorships/ProgramValidation.cs) checked in the browser first,
// in the same words, so most mistakes never reach the server; the server's own answers land under the same fields.

export const MIN_CHILDREN = 10;
export const MAX_CHILDREN_LIMIT = 10_000;
export const MAX_PRICE = 10_000_000;
export const MAX_GOALS = 20;

const wholeNumber = /^\d+$/;
const decimalNumber = /^\d+(\.\d{1,2})?$/;

const goalSchema = z
  .object({
    title: z.string().trim().min(1, 'Each goal needs a title under 200 characters.').max(200, 'Each goal needs a title under 200 characters.'),
    metric: z.string().trim().max(200, 'Keep the metric under 200 characters.'),
    target: z.string().trim().refine((v) => v === '' || (Number.isFinite(Number(v)) && Number(v) >= 0), 'The target must be a number.'),
  })
  .superRefine((g, ctx) => {
    // A measured goal needs a target to measure against; a percentage is at most 100.
    if (g.metric && g.target === '') ctx.addIssue({ code: 'custom', path: ['target'], message: 'Set a target for this measure.' });
    if (findProgramGoalMetric(g.metric)?.percent && g.target !== '' && Number(g.target) > 100)
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'A percentage target is at most 100.' });
  });

export const programFormSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the program a name.').max(200, 'Keep the name under 200 characters.'),
    description: z.string().trim().max(2000, 'Keep the description under 2,000 characters.'),
    programType: z.enum(['direct', 'cohort'], { message: 'Choose direct or cohort.' }),
    minChildren: z
      .string()
      .trim()
      .refine((v) => v === '' || (wholeNumber.test(v) && Number(v) >= MIN_CHILDREN), `A program sponsors at least ${MIN_CHILDREN} children.`),
    maxChildren: z
      .string()
      .trim()
      .refine((v) => v === '' || wholeNumber.test(v), 'Enter a whole number, or leave it empty for no maximum.')
      .refine((v) => v === '' || Number(v) <= MAX_CHILDREN_LIMIT, `A program can hold at most ${formatNumber(MAX_CHILDREN_LIMIT)} children.`),
    billingPeriod: z.enum(['monthly', 'termly', 'annual'], { message: 'Choose monthly, termly or annual billing.' }),
    pricePerChild: z
      .string()
      .trim()
      .refine((v) => decimalNumber.test(v) && Number(v) > 0, 'The price per child must be more than zero.')
      .refine((v) => !decimalNumber.test(v) || Number(v) <= MAX_PRICE, `The price per child must be at most ${formatNumber(MAX_PRICE)}.`),
    currency: z
      .string()
      .trim()
      .refine((v) => /^[A-Za-z]{3}$/.test(v), 'Use a three-letter ISO 4217 currency code such as KES.'),
    customPricingNotes: z.string().trim().max(2000, 'Keep the notes under 2,000 characters.'),
    startDate: z.string(),
    endDate: z.string(),
    goals: z.array(goalSchema).max(MAX_GOALS, `Set at most ${MAX_GOALS} goals.`),
  })
  .superRefine((v, ctx) => {
    const min = v.minChildren === '' ? MIN_CHILDREN : Number(v.minChildren);
    if (v.maxChildren !== '' && wholeNumber.test(v.maxChildren) && Number(v.maxChildren) < min)
      ctx.addIssue({ code: 'custom', path: ['maxChildren'], message: 'The maximum cannot be below the minimum number of children.' });
    if (v.startDate && v.endDate && v.endDate <= v.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The end date must be after the start date.' });
  });

export type ProgramFormValues = z.input<typeof programFormSchema>;

export const emptyProgramForm: ProgramFormValues = {
  name: '',
  description: '',
  programType: 'cohort',
  minChildren: String(MIN_CHILDREN),
  maxChildren: '',
  billingPeriod: 'termly',
  pricePerChild: '',
  currency: 'KES',
  customPricingNotes: '',
  startDate: '',
  endDate: '',
  goals: [],
};

/** The form filled from an existing program (for editing). */
export function programToForm(p: ProgramResponse): ProgramFormValues {
  return {
    name: p.name,
    description: p.description ?? '',
    programType: p.programType,
    minChildren: String(p.minChildren),
    maxChildren: p.maxChildren === null ? '' : String(p.maxChildren),
    billingPeriod: p.billingPeriod,
    pricePerChild: String(p.pricePerChild),
    currency: p.currency,
    customPricingNotes: p.customPricingNotes ?? '',
    startDate: p.startDate ?? '',
    endDate: p.endDate ?? '',
    goals: p.goals.map((g) => ({ title: g.title ?? '', metric: g.metric ?? '', target: g.target === null || g.target === undefined ? '' : String(g.target) })),
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** The request body from the form's (validated) values. */
export function formToProgramRequest(v: ProgramFormValues): ProgramRequest {
  return {
    name: v.name.trim(),
    description: orNull(v.description),
    programType: v.programType,
    minChildren: v.minChildren.trim() === '' ? MIN_CHILDREN : Number(v.minChildren),
    maxChildren: v.maxChildren.trim() === '' ? null : Number(v.maxChildren),
    billingPeriod: v.billingPeriod,
    pricePerChild: Number(v.pricePerChild),
    currency: v.currency.trim().toUpperCase(),
    customPricingNotes: orNull(v.customPricingNotes),
    startDate: orNull(v.startDate),
    endDate: orNull(v.endDate),
    goals: v.goals.map((g) => ({ title: g.title.trim(), metric: orNull(g.metric), target: g.target.trim() === '' ? null : Number(g.target) })),
  };
}

/** "goals[0].title" → "goals.0.title" (react-hook-form's path). */
export const toFormPath = (key: string) => key.replace(/\[(\d+)\]/g, '.$1');

/**
 * Puts a 400's per-field messages under the matching fields and returns the messages that match no field
 * (shown above the form). Any other error comes back as its message.
 */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, isField: (path: string) => boolean): string[] {
  if (!isApiError(error)) return [error instanceof Error ? error.message : 'Something went wrong.'];
  if (!error.errors || Object.keys(error.errors).length === 0) return [error.detail ?? error.message];
  const loose: string[] = [];
  let first = true;
  for (const [key, messages] of Object.entries(error.errors)) {
    const path = toFormPath(key);
    const message = messages.join(' ');
    if (isField(path)) {
      setError(path as Path<T>, { type: 'server', message }, { shouldFocus: first });
      first = false;
    } else loose.push(message);
  }
  return loose;
}

const PROGRAM_FIELDS = new Set(Object.keys(emptyProgramForm));

export const isProgramFormField = (path: string) => PROGRAM_FIELDS.has(path) || /^goals\.\d+\.(title|metric|target)$/.test(path);
