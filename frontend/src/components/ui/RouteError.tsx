import { Link } from 'react-router';
import { RefreshCw, TriangleAlert, WifiOff } from 'lucide-react';
import { cn } from '@/lib/cn';
import { isChunkLoadError } from '@/app/lazy-page';
import { useTranslation } from '@/i18n/use-translation';

export interface RouteErrorProps {
  error: unknown;
  /** Tries the page again in place (its code is imported anew). */
  onRetry: () => void;
  /** Fills the screen (no layout around it) rather than the layout's content area. */
  fullPage?: boolean;
}

/**
 * What shows instead of a page that could not load its code (offline, or a release replaced it) or that failed to
 * render. The first is usually passing: Retry loads the page again without losing the app around it.
 */
export function RouteError({ error, onRetry, fullPage = false }: RouteErrorProps) {
  const unreachable = isChunkLoadError(error);
  const Icon = unreachable ? WifiOff : TriangleAlert;
  const { t } = useTranslation();
  return (
    <div className={cn('grid place-items-center p-6', fullPage ? 'min-h-dvh bg-app' : 'min-h-[50vh]')}>
      <div role="alert" data-testid="route-error" className="card flex max-w-md flex-col items-center gap-4 p-8 text-center">
        <Icon className="size-8 text-brand-text" aria-hidden="true" />
        <div>
          <h1 className="text-lg font-semibold">{unreachable ? t('common.pageNotLoaded') : t('common.pageNotShown')}</h1>
          <p className="mt-1 text-sm text-fg-muted">
            {unreachable
              ? t('common.checkConnection')
              : error instanceof Error
                ? error.message
                : t('common.pageFailed')}
          </p>
        </div>
        <div className="flex gap-2">
          {unreachable ? (
            <button type="button" className="btn-primary" onClick={onRetry} data-testid="route-retry">
              <RefreshCw className="size-4" aria-hidden="true" /> {t('common.retry')}
            </button>
          ) : (
            <button type="button" className="btn-primary" onClick={() => window.location.reload()}>
              {t('common.reload')}
            </button>
          )}
          <Link to="/" className="btn-secondary">
            {t('common.goHome')}
          </Link>
        </div>
      </div>
    </div>
  );
}
