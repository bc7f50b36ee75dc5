import type { BadgeTone } from '@/components/partner/shared';
import { formatNumber } from '@/lib/format';
import type { ChildAlert, ChildAlertKind, ChildAlertState } from '@/types/partner';

// The words of child alerts (issue 20) on the alerts page.

export const ALERT_KINDS: { value: ChildAlertKind; label: string }[] = [
  { value: 'inactive', label: 'Inactive' },
  { value: 'score_fall', label: 'Falling scores' },
  { value: 'low_minutes', label: 'Few minutes this week' },
  { value: 'goal_at_risk', label: 'Goal at risk' },
];

export const ALERT_STATES: { value: ChildAlertState; label: string; tone: BadgeTone }[] = [
  { value: 'new', label: 'New', tone: 'warning' },
  { value: 'seen', label: 'Seen', tone: 'info' },
  { value: 'dismissed', label: 'Dismissed', tone: 'neutral' },
  { value: 'resolved', label: 'Resolved', tone: 'success' },
];

export const kindLabel = (kind: ChildAlertKind) => ALERT_KINDS.find((k) => k.value === kind)?.label ?? kind;
export const stateOf = (state: ChildAlertState) => ALERT_STATES.find((s) => s.value === state) ?? { value: state, label: state, tone: 'neutral' as const };

const n = (value: number) => formatNumber(value, 1);
const plural = (value: number, one: string, many = `${one}s`) => `${n(value)} ${value === 1 ? one : many}`;

/**
 * What was measured against what it crossed, in words: "9 days without learning · alert at 7 days".
 * The server's summary says the same with the detail (which goals, the averages); this line reads at a glance.
 */
export function measureText(alert: Pick<ChildAlert, 'kind' | 'value' | 'threshold'>): { measured: string; threshold: string } {
  const { value, threshold } = alert;
  switch (alert.kind) {
    case 'inactive':
      return { measured: `${plural(value, 'day')} without learning`, threshold: `alert at ${plural(threshold, 'day')}` };
    case 'score_fall':
      return { measured: `average score down ${plural(value, 'point')}`, threshold: `alert at a fall of ${plural(threshold, 'point')}` };
    case 'low_minutes':
      return { measured: `${plural(value, 'minute')} this week`, threshold: `alert below ${plural(threshold, 'minute')}` };
    case 'goal_at_risk':
      return { measured: `${plural(value, 'goal')} at risk`, threshold: `due within ${plural(threshold, 'day')} and under 75% done` };
  }
}
