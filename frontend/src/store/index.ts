export { usePartnerStore, initialPartnerState, emptyCounters, PARTNER_STORE_KEY } from './partnerStore';
export type { PartnerState, PartnerActions, PartnerStore } from './partnerStore';
export { useToastStore, toast } from './toastStore';
export type { Toast, ToastTone } from './toastStore';
