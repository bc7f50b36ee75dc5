import { useState } from 'react';
import { Check, Copy } from 'lucide-react';

/** Copies an invitation link, and says so. */
export function CopyLinkButton({ link, label = 'Copy link' }: { link: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      window.prompt('Copy the invitation link:', link);
    }
  };
  return (
    <button type="button" className="btn-secondary" onClick={() => void copy()} data-testid="copy-link">
      {copied ? <Check className="size-4" aria-hidden="true" /> : <Copy className="size-4" aria-hidden="true" />}
      {copied ? 'Copied' : label}
    </button>
  );
}
