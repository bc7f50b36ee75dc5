import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { authKeys, useCurrentUser } from '@/services/auth';
import type { CurrentUser } from '@/types/partner';
import { getLanguage, isLanguage, setLanguage, STORAGE_KEY } from './i18n';

/** Set when a language is chosen signed out: the next sign-in keeps it (and saves it on the account). */
export const CHOSEN_SIGNED_OUT = `${STORAGE_KEY}.chosen`;

/**
 * Follows the signed-in user's saved language. A language chosen on the sign-in page wins over the account's at that
 * sign-in, and is saved to it, so a parent who switched to Kiswahili before signing in stays in Kiswahili.
 */
export function useAccountLanguage() {
  const { data: user } = useCurrentUser();
  const queryClient = useQueryClient();
  const preferred = user?.preferredLanguage;
  useEffect(() => {
    if (!isLanguage(preferred)) return;
    let chosen: string | null = null;
    try {
      chosen = localStorage.getItem(CHOSEN_SIGNED_OUT);
      localStorage.removeItem(CHOSEN_SIGNED_OUT);
    } catch {
      // no storage: the account's language applies
    }
    const local = getLanguage();
    if (chosen && local !== preferred) {
      void api
        .put<CurrentUser>('/api/v1/auth/preferences', { language: local })
        .then((updated) => queryClient.setQueryData(authKeys.me, updated))
        .catch(() => undefined);
      return;
    }
    if (preferred !== local) void setLanguage(preferred);
  }, [preferred, queryClient]);
}
