import { AlertTriangle, Bell, ClipboardCheck, CreditCard, FileBarChart, HandCoins, LifeBuoy, MessageSquare, type LucideIcon } from 'lucide-react';
import type { DigestFrequency, NotificationCategory } from '@/types/partner';

/** Each category as the notification centre names it, with what it covers (the preferences form says so). */
export const NOTIFICATION_CATEGORIES: { value: NotificationCategory; label: string; description: string; icon: LucideIcon }[] = [
  { value: 'consent', label: 'Consent', description: 'A guardian agrees, declines or withdraws.', icon: ClipboardCheck },
  { value: 'child_alert', label: 'Child alerts', description: 'A sponsored child stops learning for a week.', icon: AlertTriangle },
  { value: 'payment', label: 'Payments', description: 'Invoices, receipts and failed payments.', icon: CreditCard },
  { value: 'program', label: 'Programs', description: 'An admin approves a program or asks for changes.', icon: HandCoins },
  { value: 'report', label: 'Reports', description: 'An impact report is ready.', icon: FileBarChart },
  { value: 'ticket', label: 'Tickets', description: 'Replies and changes on your support tickets.', icon: LifeBuoy },
  { value: 'message', label: 'Messages', description: 'New messages and meetings.', icon: MessageSquare },
  { value: 'system', label: 'Elimu news', description: 'Notices about the platform itself.', icon: Bell },
];

export const categoryInfo = (category: NotificationCategory) =>
  NOTIFICATION_CATEGORIES.find((c) => c.value === category) ?? NOTIFICATION_CATEGORIES[NOTIFICATION_CATEGORIES.length - 1]!;

export const DIGEST_OPTIONS: { value: DigestFrequency; label: string }[] = [
  { value: 'daily', label: 'Daily, at 07:00' },
  { value: 'weekly', label: 'Weekly, Monday at 07:00' },
  { value: 'off', label: 'Off' },
];
