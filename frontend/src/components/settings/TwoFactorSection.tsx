import { useState, type FormEvent } from 'react';
import { QRCodeSVG } from 'qrcode.react';
import { LoaderCircle, ShieldCheck, ShieldOff } from 'lucide-react';
import { isApiError } from '@/lib/api';
import {
  useDisableTwoFactor,
  useEnableTwoFactor,
  useRegenerateRecoveryCodes,
  useSetUpAuthenticator,
  useTwoFactorStatus,
  type AuthenticatorSetup,
  type TwoFactorProof,
} from '@/services/account-security';
import { toast } from '@/store';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';
import { FieldError, SettingsCard } from './SettingsCard';

function messageOf(error: unknown, field: string): string {
  if (!isApiError(error)) return 'Something went wrong. Please try again.';
  return error.fieldErrors(field)[0] ?? error.detail ?? error.message;
}

/** Password or app code, for turning two-factor off or making new recovery codes. */
function ProofForm({ action, busy, error, onSubmit, onCancel }: {
  action: string; busy: boolean; error?: string; onSubmit: (proof: TwoFactorProof) => void; onCancel: () => void;
}) {
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = password.trim();
    onSubmit(/^\d{6}$/.test(value.replace(/\s/g, '')) ? { code: value } : { password });
  };
  return (
    <form className="mt-4 max-w-sm space-y-3" onSubmit={submit} noValidate>
      <label htmlFor="proof" className="text-sm font-medium text-fg">Your password, or a code from your app</label>
      <input id="proof" type="password" autoComplete="current-password" className="input h-10" value={password} onChange={(e) => setPassword(e.target.value)}
        aria-invalid={error ? true : undefined} aria-describedby="proof-error" data-testid="two-factor-proof" />
      <FieldError id="proof-error" message={error} />
      <div className="flex gap-2">
        <button type="submit" className="btn-primary" disabled={busy || !password}>
          {busy && <LoaderCircle className="size-4 animate-spin" aria-hidden="true" />}
          {action}
        </button>
        <button type="button" className="btn-ghost" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

export function TwoFactorSection() {
  const status = useTwoFactorStatus();
  const setUp = useSetUpAuthenticator();
  const enable = useEnableTwoFactor();
  const regenerate = useRegenerateRecoveryCodes();
  const disable = useDisableTwoFactor();
  const [setup, setSetup] = useState<AuthenticatorSetup | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [asking, setAsking] = useState<'disable' | 'regenerate' | null>(null);
  const [proofError, setProofError] = useState<string>();

  const start = async () => {
    try {
      setSetup(await setUp.mutateAsync());
      setCode('');
      setCodeError(undefined);
    } catch (error) {
      toast.error(messageOf(error, 'code'));
    }
  };
  const verify = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) return setCodeError('Enter the six-digit code your app shows.');
    try {
      const result = await enable.mutateAsync(code);
      setSetup(null);
      setCodes(result.recoveryCodes);
      toast.success('Two-factor sign-in is on.');
    } catch (error) {
      setCodeError(messageOf(error, 'code'));
    }
  };
  const prove = async (proof: TwoFactorProof) => {
    setProofError(undefined);
    try {
      if (asking === 'disable') {
        await disable.mutateAsync(proof);
        toast.success('Two-factor sign-in is off.');
      } else {
        setCodes((await regenerate.mutateAsync(proof)).recoveryCodes);
      }
      setAsking(null);
    } catch (error) {
      setProofError(messageOf(error, proof.code ? 'code' : 'password'));
    }
  };

  return (
    <SettingsCard id="two-factor" title="Two-factor sign-in"
      description="After your password, Elimu asks for a code from an authenticator app on your phone (Google Authenticator, Microsoft Authenticator, 1Password …).">
      {status.isPending && <p className="text-sm text-fg-muted" role="status">Loading…</p>}
      {status.isError && (
        <p role="alert" className="text-sm text-brand-text">
          Could not load your two-factor settings. <button type="button" className="underline" onClick={() => void status.refetch()}>Try again</button>
        </p>
      )}
      {codes && <RecoveryCodesPanel codes={codes} onDone={() => setCodes(null)} />}
      {status.data && !codes && (status.data.enabled ? (
        <div>
          <p className="flex items-center gap-2 text-sm text-fg" data-testid="two-factor-on">
            <ShieldCheck className="size-5 text-ok" aria-hidden="true" /> On · {status.data.recoveryCodesLeft} recovery codes left
          </p>
          {!asking && (
            <div className="mt-4 flex flex-wrap gap-2">
              <button type="button" className="btn-secondary" onClick={() => { setAsking('regenerate'); setProofError(undefined); }}>New recovery codes</button>
              <button type="button" className="btn-secondary" onClick={() => { setAsking('disable'); setProofError(undefined); }} data-testid="disable-two-factor">
                <ShieldOff className="size-4" aria-hidden="true" /> Turn off
              </button>
            </div>
          )}
          {asking && (
            <ProofForm action={asking === 'disable' ? 'Turn off two-factor' : 'Make new codes'} busy={disable.isPending || regenerate.isPending}
              error={proofError} onSubmit={(p) => void prove(p)} onCancel={() => setAsking(null)} />
          )}
        </div>
      ) : setup ? (
        <div className="grid gap-6 md:grid-cols-[auto_1fr]" data-testid="two-factor-setup">
          <div className="w-fit rounded-lg bg-white p-3">
            <QRCodeSVG value={setup.authenticatorUri} size={168} title="QR code for your authenticator app" />
          </div>
          <div className="min-w-0 space-y-4">
            <div>
              <p className="text-sm text-fg-muted">Scan the code with your app, or type this key:</p>
              <p className="mt-1 break-all font-mono text-sm text-fg" data-testid="shared-key">{setup.sharedKey}</p>
            </div>
            <form className="max-w-xs space-y-2" onSubmit={(e) => void verify(e)} noValidate>
              <label htmlFor="verify-code" className="text-sm font-medium text-fg">Code from the app</label>
              <input id="verify-code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} className="input h-10 font-mono tracking-widest"
                value={code} onChange={(e) => setCode(e.target.value)} aria-invalid={codeError ? true : undefined} aria-describedby="verify-code-error" data-testid="verify-code" />
              <FieldError id="verify-code-error" message={codeError} />
              <div className="flex gap-2">
                <button type="submit" className="btn-primary" disabled={enable.isPending} data-testid="enable-two-factor">
                  {enable.isPending && <LoaderCircle className="size-4 animate-spin" aria-hidden="true" />}
                  Verify and turn on
                </button>
                <button type="button" className="btn-ghost" onClick={() => setSetup(null)}>Cancel</button>
              </div>
            </form>
          </div>
        </div>
      ) : (
        <div>
          <p className="flex items-center gap-2 text-sm text-fg-muted"><ShieldOff className="size-5" aria-hidden="true" /> Off</p>
          <button type="button" className="btn-primary mt-4" onClick={() => void start()} disabled={setUp.isPending} data-testid="set-up-two-factor">
            {setUp.isPending && <LoaderCircle className="size-4 animate-spin" aria-hidden="true" />}
            Set up an authenticator app
          </button>
        </div>
      ))}
    </SettingsCard>
  );
}
