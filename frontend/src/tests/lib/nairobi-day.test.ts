import { describe, expect, it } from 'vitest';
import { formatDateTime, nairobiDayStart } from '@/lib/format';

describe('Nairobi days', () => {
  it('starts a Nairobi day three hours before UTC midnight, and moves to later days', () => {
    expect(nairobiDayStart('2026-11-01')).toBe('2026-10-31T21:00:00.000Z');
    expect(nairobiDayStart('2026-12-31', 1)).toBe('2026-12-31T21:00:00.000Z');
  });

  it('refuses what is not a real day instead of rolling it over', () => {
    expect(nairobiDayStart('2026-02-30')).toBeNull();
    expect(nairobiDayStart('30/11/2026')).toBeNull();
    expect(nairobiDayStart('')).toBeNull();
  });

  it('shows an instant as a Nairobi date and time', () => {
    expect(formatDateTime('2026-11-30T21:15:00Z')).toBe('1 Dec 2026, 00:15');
    expect(formatDateTime('not a time')).toBe('not a time');
  });
});
