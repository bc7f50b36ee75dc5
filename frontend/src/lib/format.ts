// Formatting for Kenyan users in the reader's language: en-KE or sw-KE numbers and currency, dates in Africa/Nairobi
// (DESIGN.md §3).
import { currentLocale } from '@/i18n/i18n';

const TIME_ZONE = 'Africa/Nairobi';

/** Money as Kenyans write it: the ISO code, a space, the amount grouped by thousands ("KES 52,500", "USD 120.50"). A bad amount shows "—". */
export function formatCurrency(amount: number, currency = 'KES'): string {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return '—';
  const digits = Number.isInteger(amount) ? 0 : 2;
  return `${String(currency).toUpperCase()} ${new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: digits, maximumFractionDigits: 2 }).format(amount)}`;
}

/** A Money value from the API ({ amount, currency }). */
export function formatMoney(money: { amount: number; currency: string }): string {
  return formatCurrency(money.amount, money.currency);
}

/** "PENDING_APPROVAL" → "Pending approval". Anything but a name (a number, null, "") reads "Unknown" instead of crashing. */
export function humanize(value: unknown): string {
  if (typeof value !== 'string' || !value.trim()) return 'Unknown';
  const words = value.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The label of an enum value the page knows; anything else (a number, a name added later) reads "Unknown". */
export function formatEnum(value: unknown, known: readonly string[]): string {
  return typeof value === 'string' && known.includes(value) ? humanize(value) : 'Unknown';
}

export function formatNumber(value: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits }).format(value);
}

export function formatPercent(fraction: number): string {
  return new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** "1 Nov 2026" */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return typeof iso === 'string' ? iso : '—';
  return new Intl.DateTimeFormat(currentLocale(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: TIME_ZONE }).format(date);
}

/** "1 Nov – 30 Nov 2026" */
export function formatDateRange(startIso: string, endIso: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startIso} – ${endIso}`;
  const fmt = new Intl.DateTimeFormat(currentLocale(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: TIME_ZONE });
  return fmt.formatRange(start, end);
}

/** "14:05" in Nairobi time. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLocale(), { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: TIME_ZONE }).format(date);
}

/** "1 Nov 2026, 14:05" in Nairobi time. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return typeof iso === 'string' ? iso : '—';
  return `${formatDate(iso)}, ${formatTime(iso)}`;
}

/**
 * The instant a Nairobi calendar day ("2026-11-30") starts, as UTC ISO ("2026-11-29T21:00:00.000Z");
 * `addDays` moves to a later day (an inclusive end date becomes the next day's start). Kenya keeps
 * UTC+3 all year, so the offset is fixed. Null for anything but a real date.
 */
export function nairobiDayStart(day: string, addDays = 0): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = new Date(`${day}T00:00:00+03:00`);
  if (Number.isNaN(date.getTime())) return null;
  // Reject days the Date constructor would roll over (2026-02-30 → 2 Mar).
  if (new Date(date.getTime() + 3 * 3_600_000).toISOString().slice(0, 10) !== day) return null;
  date.setUTCDate(date.getUTCDate() + addDays);
  return date.toISOString();
}

/** Who wrote an AI suggestion, in words: "offline" is Elimu's own rules over the child's learning figures, not a person. */
const AI_PROVIDERS: Record<string, string> = { offline: 'Elimu', openai: 'OpenAI', anthropic: 'Anthropic', azure: 'Azure OpenAI' };
export function aiProviderLabel(provider: string | null | undefined): string {
  if (!provider?.trim()) return 'Elimu';
  return AI_PROVIDERS[provider.trim().toLowerCase()] ?? humanize(provider);
}
