import { usePartnerStore } from './partnerStore';

/** Back to a fresh partner UI (sidebar, counters, tray) on sign-out; services/auth.ts loads this only then. */
export function resetPartnerUi(): void {
  usePartnerStore.getState().reset();
}
