import { PartnerPageHeader } from '@/components/partner/shared';
import { AccountSettings } from '@/components/settings/AccountSettings';
import { useCurrentUser } from '@/services/auth';

export default function PartnerSettingsPage() {
  const { data: user } = useCurrentUser();
  return (
    <>
      <PartnerPageHeader title="Settings" description="Appearance, password, two-factor sign-in, your sessions and your data." />
      <AccountSettings showExport={user?.partnerRole === 'owner'} />
    </>
  );
}
