import { CircleAlert, CircleCheck, Info, X } from 'lucide-react';
import { cn } from '@/lib/cn';
import { useToastStore, type ToastTone } from '@/store/toastStore';
import { translate } from '@/i18n/i18n';

const ICONS: Record<ToastTone, typeof Info> = { error: CircleAlert, success: CircleCheck, info: Info };

/** Renders the app's toasts (top right on desktop, top on phones). Errors are announced assertively. */
export function Toaster() {
  const toasts = useToastStore((s) => s.toasts);
  const dismiss = useToastStore((s) => s.dismiss);
  return (
    <div className="pointer-events-none fixed inset-x-0 top-0 z-[60] flex flex-col items-center gap-2 p-3 sm:left-auto sm:right-0 sm:items-end sm:p-4">
      <div role="region" aria-label={translate('common.notifications')} className="contents">
        {toasts.map((t) => {
          const Icon = ICONS[t.tone];
          return (
            <div
              key={t.id}
              role={t.tone === 'error' ? 'alert' : 'status'}
              data-testid="toast"
              data-tone={t.tone}
              className={cn(
                'pointer-events-auto flex w-full max-w-sm animate-slide-in items-start gap-3 rounded-xl border bg-elevated px-4 py-3 text-sm text-fg shadow-xl shadow-black/50',
                t.tone === 'error' ? 'border-brand/50' : 'border-line-strong',
              )}
            >
              <Icon
                className={cn('mt-0.5 size-4 shrink-0', t.tone === 'error' ? 'text-brand-text' : t.tone === 'success' ? 'text-ok' : 'text-info')}
                aria-hidden="true"
              />
              <p className="flex-1">{t.message}</p>
              <button type="button" onClick={() => dismiss(t.id)} className="-mr-1 rounded p-0.5 text-fg-subtle hover:text-fg" aria-label={translate('common.dismiss')}>
                <X className="size-4" aria-hidden="true" />
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
