import { useEffect } from 'react';
import { applyTheme } from '@/lib/theme';
import { useCurrentUser } from '@/services/auth';

/** Follows the theme saved on the account (Settings → Appearance) once the user is known. */
export function useAccountTheme() {
  const { data: user } = useCurrentUser();
  const theme = user?.theme;
  useEffect(() => {
    if (theme === 'dark' || theme === 'light') applyTheme(theme);
  }, [theme]);
}
