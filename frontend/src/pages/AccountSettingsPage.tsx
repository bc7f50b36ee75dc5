import { AccountSettings } from '@/components/settings/AccountSettings';

/** Settings for parents and admins, in their simple shell. */
export default function AccountSettingsPage() {
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Settings</h1>
      <AccountSettings />
    </>
  );
}
