import { AppearanceSection } from './AppearanceSection';
import { DataExportSection } from './DataExportSection';
import { PasswordSection } from './PasswordSection';
import { SessionsSection } from './SessionsSection';
import { TwoFactorSection } from './TwoFactorSection';

/** The settings every role has (appearance, password, two-factor, sessions); the partner's owner also gets the export. */
export function AccountSettings({ showExport = false }: { showExport?: boolean }) {
  return (
    <div className="grid max-w-3xl gap-5">
      <AppearanceSection />
      <PasswordSection />
      <TwoFactorSection />
      <SessionsSection />
      {showExport && <DataExportSection />}
    </div>
  );
}
