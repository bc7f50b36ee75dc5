import { RefreshCw, ServerCrash } from 'lucide-react';
import { translate } from '@/i18n/i18n';

/** When the session check itself fails (server down, network off). */
export function ServerUnavailable({ error, onRetry }: { error: Error; onRetry: () => void }) {
  return (
    <main className="grid min-h-dvh place-items-center bg-app p-6">
      <div role="alert" className="card flex max-w-md flex-col items-center gap-4 p-8 text-center">
        <ServerCrash className="size-8 text-brand-text" aria-hidden="true" />
        <div>
          <h1 className="text-lg font-semibold">{translate('common.serverUnreachable')}</h1>
          <p className="mt-1 text-sm text-fg-muted">{error.message}</p>
        </div>
        <button type="button" className="btn-primary" onClick={onRetry}>
          <RefreshCw className="size-4" aria-hidden="true" /> {translate('common.tryAgain')}
        </button>
      </div>
    </main>
  );
}
