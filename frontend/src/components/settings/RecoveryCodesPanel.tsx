import { Download } from 'lucide-react';

/** The recovery codes, shown once: each signs in once when the phone is not at hand. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const download = () => {
    const text = `Elimu recovery codes\nEach code signs you in once, in place of a code from your authenticator app.\n\n${codes.join('\n')}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: 'elimu-recovery-codes.txt' });
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="rounded-lg border border-warn/50 bg-elevated p-4" data-testid="recovery-codes">
      <p className="text-sm font-medium text-fg">Save your recovery codes</p>
      <p className="mt-1 text-sm text-fg-muted">They are shown only now. Each one signs you in once if you lose your phone.</p>
      <ul className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm text-fg">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="mt-4 flex flex-wrap gap-2">
        <button type="button" className="btn-secondary" onClick={download} data-testid="download-recovery-codes">
          <Download className="size-4" aria-hidden="true" />
          Download as .txt
        </button>
        <button type="button" className="btn-primary" onClick={onDone} data-testid="recovery-codes-done">
          I have saved them
        </button>
      </div>
    </div>
  );
}
