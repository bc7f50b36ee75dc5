import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { CircleAlert, LoaderCircle, UserPlus } from 'lucide-react';
import { ElimuMark } from '@/components/ui/ElimuMark';
import { isApiError } from '@/lib/api';
import { roleLabels, useAcceptInvitation, useInvitationPreview } from '@/services/partner/team';

type Field = 'fullName' | 'password' | 'confirm';

/**
 * `/invite/:token`, public: what the invitation is for, then join. A new address chooses a name and password; an
 * address that has an account signs in with its password (or just joins when this browser is signed in as it).
 * A used, withdrawn or expired link shows the server's message.
 */
export default function InvitePage() {
  const { token = '' } = useParams();
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation(token);
  const navigate = useNavigate();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [refusal, setRefusal] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const fullName = String(data.get('fullName') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const confirm = String(data.get('confirm') ?? '');
    const invitation = preview.data!;
    const invalid: Partial<Record<Field, string>> = {};
    if (!invitation.hasAccount) {
      if (!fullName) invalid.fullName = 'Enter your full name.';
      if (password.length < 8) invalid.password = 'Choose a password of at least 8 characters.';
      else if (password !== confirm) invalid.confirm = 'The two passwords differ.';
    } else if (!invitation.signedInAsInvitee && !password) invalid.password = 'Enter the password of your account.';
    setErrors(invalid);
    setRefusal(null);
    if (Object.keys(invalid).length > 0) return;
    try {
      await accept.mutateAsync(invitation.hasAccount ? { password } : { fullName, password });
      navigate('/dashboard/partner', { replace: true });
    } catch (error) {
      if (!isApiError(error)) throw error;
      const fromServer: Partial<Record<Field, string>> = {};
      for (const f of ['fullName', 'password'] as const) {
        const [message] = error.fieldErrors(f);
        if (message) fromServer[f] = message;
      }
      setErrors(fromServer);
      if (Object.keys(fromServer).length === 0) setRefusal(error.detail ?? error.message);
    }
  };

  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-6 px-4 py-10">
      <div className="flex items-center gap-2">
        <ElimuMark className="size-8" />
        <span className="text-lg font-semibold text-fg">Elimu</span>
      </div>
      {preview.isPending ? (
        <p className="text-sm text-fg-muted">Opening the invitation…</p>
      ) : preview.isError ? (
        <div role="alert" className="card flex flex-col gap-3 p-5" data-testid="invitation-refused">
          <h1 className="flex items-center gap-2 text-lg font-semibold text-fg">
            <CircleAlert className="size-5 text-brand-text" aria-hidden="true" /> This invitation cannot be used
          </h1>
          <p className="text-sm text-fg-muted">{isApiError(preview.error) ? (preview.error.detail ?? preview.error.message) : 'The invitation could not be opened.'}</p>
          <Link to="/login" className="btn-secondary self-start">Go to sign-in</Link>
        </div>
      ) : (
        <form onSubmit={(e) => void onSubmit(e)} noValidate className="card flex flex-col gap-4 p-5" data-testid="accept-form">
          <div>
            <h1 className="text-lg font-semibold text-fg">Join {preview.data.organizationName}</h1>
            <p className="mt-1 text-sm text-fg-muted">
              You are invited as <strong>{roleLabels[preview.data.role].label}</strong> ({roleLabels[preview.data.role].description.toLowerCase().replace(/\.$/, '')}) for{' '}
              <strong>{preview.data.email}</strong>.
            </p>
          </div>
          {!preview.data.hasAccount && (
            <TextField name="fullName" label="Full name" autoComplete="name" error={errors.fullName} />
          )}
          {!(preview.data.hasAccount && preview.data.signedInAsInvitee) && (
            <TextField name="password" type="password" autoComplete={preview.data.hasAccount ? 'current-password' : 'new-password'}
              label={preview.data.hasAccount ? 'Your password (you already have an account)' : 'Choose a password'} error={errors.password} />
          )}
          {!preview.data.hasAccount && <TextField name="confirm" type="password" autoComplete="new-password" label="Repeat the password" error={errors.confirm} />}
          {refusal && (
            <p role="alert" className="text-sm text-brand-text" data-testid="accept-error">
              {refusal}
            </p>
          )}
          <button type="submit" className="btn-primary" disabled={accept.isPending} data-testid="accept-submit">
            {accept.isPending ? <LoaderCircle className="size-4 animate-spin" aria-hidden="true" /> : <UserPlus className="size-4" aria-hidden="true" />}
            Join the team
          </button>
        </form>
      )}
    </main>
  );
}

function TextField({ name, label, type = 'text', autoComplete, error }: { name: Field; label: string; type?: string; autoComplete?: string; error?: string }) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={name} className="text-xs font-medium text-fg-muted">
        {label}
      </label>
      <input id={name} name={name} type={type} className="input" autoComplete={autoComplete} aria-invalid={!!error}
        aria-describedby={error ? `${name}-error` : undefined} data-testid={`accept-${name}`} />
      {error && (
        <p id={`${name}-error`} className="text-xs text-brand-text">
          {error}
        </p>
      )}
    </div>
  );
}
