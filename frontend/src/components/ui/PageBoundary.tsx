import { Component, Suspense, type ErrorInfo, type ReactNode } from 'react';
import { Outlet, useLocation } from 'react-router';
import { isChunkLoadError, retryFailedPages } from '@/app/lazy-page';
import { RouteError } from './RouteError';
import { translate } from '@/i18n/i18n';

interface BoundaryProps {
  children: ReactNode;
  /** A new value (another page) clears the error. */
  resetKey: string;
  fullPage: boolean;
}

interface BoundaryState {
  error: unknown;
  resetKey: string;
}

class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  constructor(props: BoundaryProps) {
    super(props);
    this.state = { error: null, resetKey: props.resetKey };
  }

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error };
  }

  // Navigating elsewhere leaves the failed page behind.
  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    if (!isChunkLoadError(error)) console.error(error, info.componentStack);
  }

  override componentDidMount() {
    window.addEventListener('online', this.retryWhenBackOnline);
  }

  override componentWillUnmount() {
    window.removeEventListener('online', this.retryWhenBackOnline);
  }

  private retryWhenBackOnline = () => {
    if (isChunkLoadError(this.state.error)) this.retry();
  };

  retry = () => {
    retryFailedPages();
    this.setState({ error: null });
  };

  override render() {
    if (this.state.error !== null) return <RouteError error={this.state.error} onRetry={this.retry} fullPage={this.props.fullPage} />;
    return this.props.children;
  }
}

function ContentSpinner() {
  return (
    <div role="status" aria-live="polite" className="grid min-h-[30vh] place-items-center">
      <span className="size-6 animate-spin rounded-full border-2 border-line border-t-brand" aria-hidden="true" />
      <span className="sr-only">{translate('common.loadingPage')}</span>
    </div>
  );
}

/**
 * Where a layout shows its page: while the page's code loads, a spinner; when it cannot load or fails to render, an
 * error with Retry, inside the layout, so the navigation stays usable.
 */
export function PageOutlet({ fullPage = false, fallback }: { fullPage?: boolean; fallback?: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary resetKey={pathname} fullPage={fullPage}>
      <Suspense fallback={fallback ?? <ContentSpinner />}>
        <Outlet />
      </Suspense>
    </ErrorBoundary>
  );
}
