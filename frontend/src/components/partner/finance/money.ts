import { currentLocale } from '@/i18n/i18n';

/** Invoice money as Kenyans write it on a bill: the ISO code, a space, thousands grouped, always two decimals ("KES 12,500.00"). */
export function formatKes(amount: number | null | undefined, currency = 'KES'): string {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return '—';
  const n = new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
  return `${currency.toUpperCase()} ${n}`;
}

/** A fresh Idempotency-Key for one payment attempt. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

export const GATEWAYS = ['sandbox', 'mpesa', 'stripe', 'paypal'] as const;

/** The forms the API takes for an M-Pesa number (07…, 01…, 7…, 1…, +254…, 254…); the API has the last word (its 422). */
export const KENYAN_MOBILE = /^(?:\+?254|0)?[17]\d{8}$/;
