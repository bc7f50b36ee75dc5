import type { RealtimeCounters } from '@/types/partner';
import { COUNTER_WORDS } from './sidebar-badges';

/** An item's live counter: a red pill (99+ at most), read out as e.g. ", 2 open". */
export function CountBadge({ count, counter, testId }: { count: number; counter: keyof RealtimeCounters; testId: string }) {
  if (count <= 0) return null;
  return (
    <>
      <span
        data-testid={testId}
        aria-hidden="true"
        className="ml-auto inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-brand px-1.5 text-[11px] font-semibold text-white tabular-nums"
      >
        {count > 99 ? '99+' : count}
      </span>
      <span className="sr-only">
        , {count} {COUNTER_WORDS[counter]}
      </span>
    </>
  );
}
