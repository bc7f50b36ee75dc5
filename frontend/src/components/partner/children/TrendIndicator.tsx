import { ArrowDownRight, ArrowRight, ArrowUpRight } from 'lucide-react';
import { cn } from '@/lib/cn';

const TRENDS = {
  up: { icon: ArrowUpRight, label: 'Up on last week', className: 'text-ok' },
  down: { icon: ArrowDownRight, label: 'Down on last week', className: 'text-brand-text' },
  flat: { icon: ArrowRight, label: 'About the same as last week', className: 'text-fg-subtle' },
} as const;

/** An arrow for "up", "down" or "flat", with its meaning for screen readers. */
export function TrendIndicator({ trend, label, className }: { trend: string; label?: string; className?: string }) {
  const t = TRENDS[trend as keyof typeof TRENDS] ?? TRENDS.flat;
  const Icon = t.icon;
  return (
    <span data-testid="trend" data-trend={trend} className={cn('inline-flex items-center', t.className, className)} title={label ?? t.label}>
      <Icon className="size-4" aria-hidden="true" />
      <span className="sr-only">{label ?? t.label}</span>
    </span>
  );
}
