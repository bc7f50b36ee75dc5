import { formatEnum } from '@/lib/format';
import type { BillingPeriod, ProgramType } from '@/types/partner';

// The admin reviews whatever partners stored, so an unexpected value (an old record, a name added later) must read
// "Unknown" instead of breaking the approval page for every admin.
const PROGRAM_TYPES: readonly ProgramType[] = ['direct', 'cohort'];
const BILLING_PERIODS: readonly BillingPeriod[] = ['monthly', 'termly', 'annual'];

export const programTypeLabel = (value: unknown) => formatEnum(value, PROGRAM_TYPES);
export const billingPeriodLabel = (value: unknown) => formatEnum(value, BILLING_PERIODS);
