import { useState, type FormEvent } from 'react';
import { LoaderCircle } from 'lucide-react';
import { cn } from '@/lib/cn';
import { isApiError } from '@/lib/api';
import { useChangePassword } from '@/services/account-security';
import { toast } from '@/store';
import { passwordStrength } from './password-strength';
import { FieldError, SettingsCard } from './SettingsCard';

type Errors = Partial<Record<'currentPassword' | 'newPassword' | 'confirm' | 'form', string>>;

export function PasswordSection() {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const strength = passwordStrength(next);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (!current) found.currentPassword = 'Enter your current password.';
    if (!next) found.newPassword = 'Enter a new password.';
    else if (next.length < 8) found.newPassword = 'Use at least 8 characters.';
    if (next && confirm !== next) found.confirm = 'The two new passwords do not match.';
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await change.mutateAsync({ currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setConfirm('');
      toast.success('Password changed. Your other sessions were signed out.');
    } catch (error) {
      if (!isApiError(error)) return setErrors({ form: 'Something went wrong. Please try again.' });
      setErrors({
        currentPassword: error.fieldErrors('currentPassword')[0],
        newPassword: error.fieldErrors('newPassword').join(' ') || undefined,
        form: error.status === 400 && error.fieldErrors('currentPassword').length + error.fieldErrors('newPassword').length > 0 ? undefined : (error.detail ?? error.message),
      });
    }
  };

  return (
    <SettingsCard id="password" title="Password" description="Changing your password signs you out everywhere else.">
      <form className="max-w-sm space-y-4" onSubmit={(e) => void onSubmit(e)} noValidate>
        {errors.form && (
          <p role="alert" className="rounded-lg border border-brand/40 bg-brand-soft px-3 py-2 text-sm text-fg">
            {errors.form}
          </p>
        )}
        <div>
          <label htmlFor="current-password" className="text-sm font-medium text-fg">Current password</label>
          <input id="current-password" type="password" autoComplete="current-password" className="input mt-1.5 h-10" value={current}
            onChange={(e) => setCurrent(e.target.value)} aria-invalid={errors.currentPassword ? true : undefined} aria-describedby="current-password-error" />
          <FieldError id="current-password-error" message={errors.currentPassword} />
        </div>
        <div>
          <label htmlFor="new-password" className="text-sm font-medium text-fg">New password</label>
          <input id="new-password" type="password" autoComplete="new-password" className="input mt-1.5 h-10" value={next}
            onChange={(e) => setNext(e.target.value)} aria-invalid={errors.newPassword ? true : undefined} aria-describedby="new-password-strength new-password-error" />
          {next && (
            <div id="new-password-strength" className="mt-2" data-testid="password-strength">
              <div className="flex gap-1" aria-hidden="true">
                {[1, 2, 3, 4].map((i) => (
                  <span key={i} className={cn('h-1 flex-1 rounded-full', i <= strength.score ? (strength.score >= 3 ? 'bg-ok' : strength.score === 2 ? 'bg-warn' : 'bg-brand') : 'bg-line')} />
                ))}
              </div>
              <p className="mt-1 text-xs text-fg-muted">
                Strength: <span className="font-medium text-fg">{strength.label}</span>
                {strength.hints.length > 0 && <> · {strength.hints[0]}</>}
              </p>
            </div>
          )}
          <FieldError id="new-password-error" message={errors.newPassword} />
        </div>
        <div>
          <label htmlFor="confirm-password" className="text-sm font-medium text-fg">Repeat the new password</label>
          <input id="confirm-password" type="password" autoComplete="new-password" className="input mt-1.5 h-10" value={confirm}
            onChange={(e) => setConfirm(e.target.value)} aria-invalid={errors.confirm ? true : undefined} aria-describedby="confirm-password-error" />
          <FieldError id="confirm-password-error" message={errors.confirm} />
        </div>
        <button type="submit" className="btn-primary" disabled={change.isPending} data-testid="change-password">
          {change.isPending && <LoaderCircle className="size-4 animate-spin" aria-hidden="true" />}
          Change password
        </button>
      </form>
    </SettingsCard>
  );
}
