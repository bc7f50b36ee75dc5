// The one CSV writer of the front end: RFC 4180 with the protections a spreadsheet needs.
//
// Formula injection (OWASP "CSV Injection"): Excel, LibreOffice and Google Sheets run a cell that starts with =, +, -
// or @ (and treat a leading tab or CR the same way), so a program name like `=HYPERLINK(...)` typed by one user runs
// on the machine of whoever opens the export. Such a cell is prefixed with a single quote, which spreadsheets show as
// text, and quoted. Leading spaces, quotes and separators in front of the formula character are no way around it.
//
// Separators: Excel in many locales splits CSV on semicolons, so a field holding `;` (or `,`) is quoted too; unquoted,
// `;=1+1` would become a second cell holding a formula.
//
// The API's CSV files follow the same rule (backend Common/SpreadsheetCsv.cs, on CsvHelper's injection escaping).

const FORMULA_START = /^[=+\-@\t\r]/;
// What a spreadsheet may skip or strip before it looks for a formula character.
const FORMULA_AFTER_PADDING = /^[\s"';,]*[=+\-@]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",;\r\n]/;

/** True when a spreadsheet could read the text as a formula. */
export function looksLikeFormula(text: string): boolean {
  if (PLAIN_NUMBER.test(text)) return false; // -12.5 is a number to every spreadsheet, not a formula
  return FORMULA_START.test(text) || FORMULA_AFTER_PADDING.test(text);
}

/** One field, neutralised and quoted as needed. Numbers are written as they are. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const text = String(value);
  const formula = looksLikeFormula(text);
  const safe = formula ? `'${text}` : text;
  const quote = formula || NEEDS_QUOTES.test(safe) || safe !== safe.trim();
  return quote ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole file: header and rows, comma separated, CRLF line ends (RFC 4180). */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Saves text as a UTF-8 CSV file with a byte-order mark (so Excel reads accents) through a temporary link. */
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
