import { FullPageSpinner } from '@/components/ui/FullPageSpinner';
import { PageOutlet } from '@/components/ui/PageBoundary';
import { useAccountLanguage } from '@/i18n/use-account-language';
import { ScrollRestorer } from './ScrollRestorer';
import { useAccountTheme } from './use-account-theme';

/** The root of every route: the page (or the screen that says it could not load), and scroll restored on back/forward. */
export function RootLayout() {
  useAccountTheme();
  useAccountLanguage();
  return (
    <>
      <PageOutlet fullPage fallback={<FullPageSpinner />} />
      <ScrollRestorer />
    </>
  );
}
