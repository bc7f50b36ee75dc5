import { useState, type FormEvent } from 'react';
import { CircleAlert, KeyRound, LoaderCircle } from 'lucide-react';
import { isApiError } from '@/lib/api';
import { useSecondFactor } from '@/services/auth';
import type { CurrentUser } from '@/types/partner';

/** The sign-in's second step: a code from the authenticator app, or one of the recovery codes. */
export function SecondFactorForm({ onSignedIn, onRestart }: { onSignedIn: (user: CurrentUser) => void; onRestart: () => void }) {
  const submit = useSecondFactor();
  const [recovery, setRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = value.replace(/\s/g, '');
    if (!recovery && !/^\d{6}$/.test(typed)) return setError('Enter the six-digit code your app shows.');
    if (recovery && typed.length < 10) return setError('Enter one of your recovery codes.');
    setError(undefined);
    try {
      onSignedIn(await submit.mutateAsync(recovery ? { recoveryCode: typed } : { code: typed }));
    } catch (e) {
      if (isApiError(e) && e.code === 'second_factor_expired') return onRestart();
      setError(isApiError(e) ? (e.fieldErrors('code')[0] ?? e.detail ?? e.message) : 'Something went wrong. Please try again.');
      setValue('');
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="mt-8 space-y-5" data-testid="second-factor-form">
      {error && (
        <div role="alert" data-testid="login-error" className="flex gap-2.5 rounded-lg border border-brand/40 bg-brand-soft px-3.5 py-3 text-sm text-fg">
          <CircleAlert className="mt-0.5 size-4 shrink-0 text-brand-text" aria-hidden="true" />
          <span>{error}</span>
        </div>
      )}
      <div className="space-y-1.5">
        <label htmlFor="second-factor" className="text-sm font-medium text-fg">
          {recovery ? 'Recovery code' : 'Code from your authenticator app'}
        </label>
        <input
          id="second-factor"
          key={recovery ? 'recovery' : 'code'}
          autoFocus
          autoComplete="one-time-code"
          inputMode={recovery ? 'text' : 'numeric'}
          className="input h-10 font-mono tracking-widest"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          data-testid="second-factor-input"
        />
      </div>
      <button type="submit" className="btn-primary h-10 w-full" disabled={submit.isPending} aria-busy={submit.isPending} data-testid="second-factor-submit">
        {submit.isPending ? <LoaderCircle className="size-4 animate-spin" aria-hidden="true" /> : <KeyRound className="size-4" aria-hidden="true" />}
        {submit.isPending ? 'Checking…' : 'Verify'}
      </button>
      <div className="flex flex-wrap justify-between gap-2 text-sm">
        <button type="button" className="text-fg-muted underline-offset-4 hover:text-fg hover:underline" onClick={() => { setRecovery((r) => !r); setValue(''); setError(undefined); }}>
          {recovery ? 'Use a code from the app' : 'Use a recovery code'}
        </button>
        <button type="button" className="text-fg-muted underline-offset-4 hover:text-fg hover:underline" onClick={onRestart}>
          Start again
        </button>
      </div>
    </form>
  );
}
