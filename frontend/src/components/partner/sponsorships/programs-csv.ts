import { toCsv } from '@/lib/csv';
import type { ProgramResponse } from '@/types/partner';

// The programs list as CSV; quoting and formula neutralising are the shared writer's (lib/csv).

export const PROGRAM_CSV_HEADER = [
  'Name',
  'Status',
  'Type',
  'Billing period',
  'Price per child',
  'Currency',
  'Minimum children',
  'Maximum children',
  'Enrolled',
  'Active',
  'Without consent yet',
  'Paused',
  'Graduated',
  'Removed',
  'Start date',
  'End date',
  'Created',
  'Id',
];

export function programsToCsv(programs: ProgramResponse[]): string {
  return toCsv(
    PROGRAM_CSV_HEADER,
    programs.map((p) => [
      p.name,
      p.status,
      p.programType,
      p.billingPeriod,
      p.pricePerChild,
      p.currency,
      p.minChildren,
      p.maxChildren,
      p.children.enrolled,
      p.children.active,
      p.children.pendingConsent,
      p.children.paused,
      p.children.graduated,
      p.children.removed,
      p.startDate,
      p.endDate,
      p.createdAt.slice(0, 10),
      p.id,
    ]),
  );
}
