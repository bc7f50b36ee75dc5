import type { ProgramResponse } from '@/types/partner';

// Client-side CSV export of the programs list: UTF-8 with a byte-order mark (so Excel reads accents),
// CRLF line ends, every field quoted when it holds a comma, quote or line break (RFC 4180).

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // A leading =, +, - or @ would be run as a formula by spreadsheet programs.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

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
  'Pending consent',
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

/** Saves text as a UTF-8 CSV file (with BOM) through a temporary link. */
export function downloadCsv(fileName: string, csv: string) {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
