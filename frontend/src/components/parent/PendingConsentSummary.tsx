import { FileSignature } from 'lucide-react';
import { cn } from '@/lib/cn';
import { useTranslation } from '@/i18n/use-translation';

/** "2 requests wait for your answer", or a calm line when none do. Nothing while the count loads. */
export function PendingConsentSummary({ count, className }: { count: number | undefined; className?: string }) {
  const { t } = useTranslation();
  if (count === undefined) return null;
  return (
    <p
      role="status"
      data-testid="pending-consent-count"
      data-count={count}
      className={cn(
        'flex items-center gap-3 rounded-xl border px-4 py-3 text-[15px]',
        count > 0 ? 'border-brand/40 bg-brand-soft text-fg' : 'border-line bg-card text-fg-muted',
        className,
      )}
    >
      <FileSignature className={cn('size-5 shrink-0', count > 0 ? 'text-brand-text' : 'text-fg-subtle')} aria-hidden="true" />
      {count === 0 && t('parent.pendingNone')}
      {count > 0 && <Emphasised text={t('parent.pendingSome', { count })} />}
    </p>
  );
}

/** A sentence whose <b>…</b> part is shown strong (translations keep the emphasis where their grammar puts it). */
function Emphasised({ text }: { text: string }) {
  const [before, strong, after] = text.split(/<b>|<\/b>/);
  return (
    <span>
      {before}
      {strong !== undefined && <strong className="font-semibold">{strong}</strong>}
      {after}
    </span>
  );
}
