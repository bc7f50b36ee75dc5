import { useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { CircleAlert, Eye, EyeOff, LoaderCircle, LogIn } from 'lucide-react';
import { ElimuMark } from '@/components/ui/ElimuMark';
import { isApiError } from '@/lib/api';
import { SecondFactorForm } from '@/components/auth/SecondFactorForm';
import { homePathFor, needsSecondFactor, useCurrentUser, useLogin } from '@/services/auth';
import type { CurrentUser } from '@/types/partner';
import { getLanguage, translate } from '@/i18n/i18n';
import { useTranslation } from '@/i18n/use-translation';
import { LanguageSwitcher } from '@/components/ui/LanguageSwitcher';

// Two fields checked by hand: a form library and a schema library would double the JavaScript of the sign-in page,
// which every user loads first (budget: scripts/bundle-budget.mjs).
type Field = 'email' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateLogin(email: string, password: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!email) errors.email = translate('login.enterEmail');
  else if (!EMAIL.test(email)) errors.email = translate('login.validEmail');
  if (!password) errors.password = translate('login.enterPassword');
  return errors;
}

export const DEMO_ACCOUNT = { email: 'partner@elimu.demo', password: 'Demo#2026!' };

function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    // The server's words in English; in Kiswahili the wrong-password answer is translated (others stay as the server wrote).
    if (error.status === 401) return getLanguage() === 'en' ? (error.detail ?? translate('login.wrongCredentials')) : translate('login.wrongCredentials');
    return error.detail ?? error.message;
  }
  return translate('common.somethingWrong');
}

/** Sign in with email and password; then on to where the user was going, or their dashboard. */
export default function LoginPage() {
  // Asking who we are also sets the XSRF-TOKEN cookie the login POST sends back.
  const me = useCurrentUser();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const from = (location.state as { from?: string } | null)?.from;
  // After a right password on an account with two-factor on, the form asks for the code instead.
  const [secondStep, setSecondStep] = useState(false);
  const land = (user: CurrentUser) => navigate(from && from !== '/login' ? from : (homePathFor(user) ?? '/'), { replace: true });
  const { t } = useTranslation();

  const values = () => {
    const data = new FormData(form.current ?? undefined);
    return { email: String(data.get('email') ?? '').trim(), password: String(data.get('password') ?? '') };
  };

  // After the first attempt, each change re-checks the fields, so an error goes away once it is fixed.
  const onChange = () => {
    if (!submitted) return;
    const { email, password } = values();
    setErrors(validateLogin(email, password));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    const credentials = values();
    const invalid = validateLogin(credentials.email, credentials.password);
    setErrors(invalid);
    const first = (['email', 'password'] as const).find((f) => invalid[f]);
    if (first) {
      form.current?.querySelector<HTMLInputElement>(`#${first}`)?.focus();
      return;
    }
    try {
      const answer = await login.mutateAsync(credentials);
      if (needsSecondFactor(answer)) setSecondStep(true);
      else land(answer);
    } catch (error) {
      // Field errors of a 400 go next to their fields; the rest shows above the form.
      if (isApiError(error)) {
        const fromServer: FieldErrors = {};
        for (const field of ['email', 'password'] as const) {
          const [message] = error.fieldErrors(field);
          if (message) fromServer[field] = message;
        }
        setErrors(fromServer);
      }
    }
  };

  if (me.data && !login.isPending) return <Navigate to={from ?? homePathFor(me.data) ?? '/'} replace />;

  const formError = login.isError ? errorMessage(login.error) : null;
  const busy = login.isPending;

  return (
    <main className="relative grid min-h-dvh lg:grid-cols-[1.1fr_1fr]">
      {/* Brand panel (wide screens) */}
      <section
        aria-hidden="true"
        className="relative hidden overflow-hidden border-r border-line bg-[radial-gradient(120%_80%_at_0%_0%,rgba(228,0,0,0.28),transparent_55%),radial-gradient(90%_70%_at_100%_100%,rgba(228,0,0,0.12),transparent_60%)] lg:flex lg:flex-col lg:justify-between lg:p-12"
      >
        <div className="flex items-center gap-3">
          <ElimuMark className="size-10" />
          <span className="text-lg font-semibold tracking-tight">Elimu</span>
        </div>
        <div className="max-w-md">
          <p className="text-xs font-semibold uppercase tracking-[0.2em] text-brand-text">{t('login.partnerDashboard')}</p>
          <h2 className="mt-4 text-4xl font-semibold leading-tight tracking-tight">{t('login.pitch')}</h2>
          <ul className="mt-8 space-y-3 text-sm text-fg-muted">
            <li className="flex gap-3">
              <span className="mt-1.5 size-1.5 shrink-0 rounded-full bg-brand" />
              {t('login.point1')}
            </li>
            <li className="flex gap-3">
              <span className="mt-1.5 size-1.5 shrink-0 rounded-full bg-brand" />
              {t('login.point2')}
            </li>
            <li className="flex gap-3">
              <span className="mt-1.5 size-1.5 shrink-0 rounded-full bg-brand" />
              {t('login.point3')}
            </li>
          </ul>
        </div>
        <p className="text-xs text-fg-subtle">{t('login.timesShown')}</p>
      </section>

      {/* Form */}
      <section className="relative flex items-center justify-center px-5 py-10 sm:px-8">
        <LanguageSwitcher className="absolute right-4 top-4" />
        <div className="w-full max-w-sm">
          <div className="mb-8 flex items-center gap-3 lg:hidden">
            <ElimuMark className="size-9" />
            <span className="text-lg font-semibold tracking-tight">Elimu</span>
          </div>
          <h1 className="text-2xl font-semibold tracking-tight">{secondStep ? t('login.twoFactorTitle') : t('login.title')}</h1>
          <p className="mt-1.5 text-sm text-fg-muted">{secondStep ? t('login.twoFactorIntro') : t('login.intro')}</p>

          {secondStep ? (
            <SecondFactorForm onSignedIn={land} onRestart={() => { setSecondStep(false); login.reset(); }} />
          ) : (

          <form ref={form} onSubmit={(e) => void onSubmit(e)} onChange={onChange} noValidate className="mt-8 space-y-5" aria-describedby={formError ? 'login-error' : undefined}>
            {formError && (
              <div id="login-error" role="alert" data-testid="login-error" className="flex gap-2.5 rounded-lg border border-brand/40 bg-brand-soft px-3.5 py-3 text-sm text-fg">
                <CircleAlert className="mt-0.5 size-4 shrink-0 text-brand-text" aria-hidden="true" />
                <span>{formError}</span>
              </div>
            )}

            <div className="space-y-1.5">
              <label htmlFor="email" className="text-sm font-medium text-fg">
                {t('login.email')}
              </label>
              <input
                id="email"
                type="email"
                autoComplete="username"
                inputMode="email"
                autoFocus
                className="input h-10"
                aria-required="true"
                aria-invalid={errors.email ? true : undefined}
                aria-describedby={errors.email ? 'email-error' : undefined}
                name="email"
              />
              {errors.email && (
                <p id="email-error" className="text-xs text-brand-text">
                  {errors.email}
                </p>
              )}
            </div>

            <div className="space-y-1.5">
              <label htmlFor="password" className="text-sm font-medium text-fg">
                {t('login.password')}
              </label>
              <div className="relative">
                <input
                  id="password"
                  type={showPassword ? 'text' : 'password'}
                  autoComplete="current-password"
                  className="input h-10 pr-10"
                  aria-required="true"
                  aria-invalid={errors.password ? true : undefined}
                  aria-describedby={errors.password ? 'password-error' : undefined}
                  name="password"
                />
                <button
                  type="button"
                  onClick={() => setShowPassword((v) => !v)}
                  className="absolute right-1 top-1/2 grid size-8 -translate-y-1/2 place-items-center rounded-md text-fg-subtle hover:text-fg"
                  aria-label={showPassword ? t('login.hidePassword') : t('login.showPassword')}
                  aria-pressed={showPassword}
                >
                  {showPassword ? <EyeOff className="size-4" aria-hidden="true" /> : <Eye className="size-4" aria-hidden="true" />}
                </button>
              </div>
              {errors.password && (
                <p id="password-error" className="text-xs text-brand-text">
                  {errors.password}
                </p>
              )}
            </div>

            <button type="submit" className="btn-primary h-10 w-full" disabled={busy} aria-busy={busy}>
              {busy ? <LoaderCircle className="size-4 animate-spin" aria-hidden="true" /> : <LogIn className="size-4" aria-hidden="true" />}
              {busy ? t('login.signingIn') : t('login.submit')}
            </button>
          </form>
          )}

          <p className="mt-6 text-sm text-fg-muted">
            New partner organisation?{' '}
            <Link to="/signup" className="font-medium text-brand-text hover:underline" data-testid="signup-link">
              Create an account
            </Link>
          </p>

          <p className="mt-8 rounded-lg border border-line bg-card px-3.5 py-3 text-xs leading-5 text-fg-subtle" data-testid="demo-hint">
            {t('login.demoAccount')} <span className="font-mono text-fg-muted">{DEMO_ACCOUNT.email}</span> /{' '}
            <span className="font-mono text-fg-muted">{DEMO_ACCOUNT.password}</span>
          </p>
        </div>
      </section>
    </main>
  );
}
