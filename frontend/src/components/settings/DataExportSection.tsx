import { Download } from 'lucide-react';
import { EXPORT_URL } from '@/services/account-security';
import { SettingsCard } from './SettingsCard';

/** The owner's download of the partner's records; a plain link, so the browser streams the ZIP to disk. */
export function DataExportSection() {
  return (
    <SettingsCard id="export" title="Data export"
      description="Download your organisation's records: profile, team, programs, sponsored children (details only where guardians consented), consent answers, notifications and the audit log, as CSV and JSON in a ZIP file. The download is recorded in the audit log.">
      <a href={EXPORT_URL} className="btn-secondary w-fit" download data-testid="export-download">
        <Download className="size-4" aria-hidden="true" />
        Download my data
      </a>
    </SettingsCard>
  );
}
