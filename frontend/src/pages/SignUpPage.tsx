import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Building2, LoaderCircle } from 'lucide-react';
import { ElimuMark } from '@/components/ui/ElimuMark';
import { isApiError } from '@/lib/api';
import { useCurrentUser } from '@/services/auth';
import { organizationTypes, useSignUpPartner } from '@/services/partner/profile';
import type { PartnerSignUpRequest } from '@/types/partner';

type Field = 'organizationName' | 'organizationType' | 'fullName' | 'email' | 'password' | 'confirm' | 'contactPhone';
type Errors = Partial<Record<Field, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateSignUp(v: Record<Field, string>): Errors {
  const e: Errors = {};
  if (!v.organizationName.trim()) e.organizationName = 'Enter your organisation’s name.';
  if (!v.organizationType) e.organizationType = 'Choose the type of organisation.';
  if (!v.fullName.trim()) e.fullName = 'Enter your full name.';
  if (!v.email.trim()) e.email = 'Enter your work email address.';
  else if (!EMAIL.test(v.email.trim())) e.email = 'Enter a valid email address, like name@example.org.';
  if (v.password.length < 8) e.password = 'Choose a password of at least 8 characters.';
  else if (v.password !== v.confirm) e.confirm = 'The two passwords differ.';
  return e;
}

/** `/signup`, public: a new organisation makes its partner account (pending verification) and lands on its dashboard. */
export default function SignUpPage() {
  useCurrentUser(); // asking who we are hands out the antiforgery token the sign-up POST sends back
  const signUp = useSignUpPartner();
  const navigate = useNavigate();
  const [errors, setErrors] = useState<Errors>({});
  const [refusal, setRefusal] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const v = Object.fromEntries(
      (['organizationName', 'organizationType', 'fullName', 'email', 'password', 'confirm', 'contactPhone'] as const).map((k) => [k, String(data.get(k) ?? '')]),
    ) as Record<Field, string>;
    const invalid = validateSignUp(v);
    setErrors(invalid);
    setRefusal(null);
    if (Object.keys(invalid).length > 0) {
      event.currentTarget.querySelector<HTMLElement>(`#signup-${Object.keys(invalid)[0]}`)?.focus();
      return;
    }
    try {
      await signUp.mutateAsync({
        organizationName: v.organizationName.trim(), organizationType: v.organizationType as PartnerSignUpRequest['organizationType'],
        fullName: v.fullName.trim(), email: v.email.trim(), password: v.password, contactPhone: v.contactPhone.trim() || null,
      });
      navigate('/dashboard/partner', { replace: true });
    } catch (error) {
      if (!isApiError(error)) throw error;
      const fromServer: Errors = {};
      for (const f of ['organizationName', 'organizationType', 'fullName', 'email', 'password', 'contactPhone'] as const) {
        const [message] = error.fieldErrors(f);
        if (message) fromServer[f] = message;
      }
      setErrors(fromServer);
      if (Object.keys(fromServer).length === 0) setRefusal(error.detail ?? error.message);
    }
  };

  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-lg flex-col justify-center gap-6 px-4 py-10">
      <div className="flex items-center gap-2">
        <ElimuMark className="size-8" />
        <span className="text-lg font-semibold text-fg">Elimu</span>
      </div>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="card flex flex-col gap-4 p-5 sm:p-6" data-testid="signup-form">
        <div>
          <h1 className="flex items-center gap-2 text-xl font-semibold text-fg">
            <Building2 className="size-5 text-brand-text" aria-hidden="true" /> Become a partner
          </h1>
          <p className="mt-1 text-sm text-fg-muted">
            Create your organisation’s account. Elimu verifies new partners (usually within two working days); meanwhile you can set up your profile and team.
          </p>
        </div>
        <Input name="organizationName" label="Organisation name" autoComplete="organization" error={errors.organizationName} />
        <div className="flex flex-col gap-1.5">
          <label htmlFor="signup-organizationType" className="text-xs font-medium text-fg-muted">Type of organisation</label>
          <select id="signup-organizationType" name="organizationType" className="input" defaultValue="" aria-invalid={!!errors.organizationType || undefined}
            data-testid="signup-organizationType">
            <option value="" disabled>Choose…</option>
            {organizationTypes.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
          {errors.organizationType && <p className="text-xs text-brand-text">{errors.organizationType}</p>}
        </div>
        <Input name="fullName" label="Your full name" autoComplete="name" error={errors.fullName} />
        <Input name="email" label="Work email" type="email" autoComplete="email" error={errors.email} />
        <Input name="contactPhone" label="Phone (optional)" type="tel" autoComplete="tel" placeholder="0712 345 678" error={errors.contactPhone} />
        <Input name="password" label="Password (at least 8 characters)" type="password" autoComplete="new-password" error={errors.password} />
        <Input name="confirm" label="Repeat the password" type="password" autoComplete="new-password" error={errors.confirm} />
        {refusal && <p role="alert" className="text-sm text-brand-text" data-testid="signup-error">{refusal}</p>}
        <button type="submit" className="btn-primary h-10" disabled={signUp.isPending} data-testid="signup-submit">
          {signUp.isPending && <LoaderCircle className="size-4 animate-spin" aria-hidden="true" />}
          Create the account
        </button>
        <p className="text-sm text-fg-muted">
          Already a partner? <Link to="/login" className="font-medium text-brand-text hover:underline">Sign in</Link>
        </p>
      </form>
    </main>
  );
}

function Input({ name, label, type = 'text', autoComplete, placeholder, error }: { name: Field; label: string; type?: string; autoComplete?: string; placeholder?: string; error?: string }) {
  const id = `signup-${name}`;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-xs font-medium text-fg-muted">{label}</label>
      <input id={id} name={name} type={type} className="input" autoComplete={autoComplete} placeholder={placeholder} aria-invalid={!!error || undefined}
        aria-describedby={error ? `${id}-error` : undefined} data-testid={id} />
      {error && <p id={`${id}-error`} className="text-xs text-brand-text">{error}</p>}
    </div>
  );
}
