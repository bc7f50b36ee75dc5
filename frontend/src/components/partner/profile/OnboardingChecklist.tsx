import { Link } from 'react-router';
import { CheckCircle2, Circle, X } from 'lucide-react';
import { isApiError } from '@/lib/api';
import { useOnboarding, useProfile } from '@/services/partner/profile';

const STEP_LINKS: Record<string, { to: string; label: string }> = {
  organization: { to: '/dashboard/partner/profile#organisation', label: 'Fill in your details' },
  branding: { to: '/dashboard/partner/profile#branding', label: 'Upload your logo' },
  team: { to: '/dashboard/partner/team', label: 'Invite a colleague' },
  program: { to: '/dashboard/partner/sponsorships', label: 'Create a program' },
};

/**
 * A new partner's getting-started steps, on the dashboard until finished or dismissed. Done steps are read from the
 * data (a logo exists …); "Next" moves on once the step is done, "Skip for now" moves on without it.
 */
export function OnboardingChecklist() {
  const profile = useProfile();
  const onboarding = useOnboarding();
  const state = profile.data?.onboarding;
  if (!state || state.completed) return null;
  const canEdit = profile.data?.canEdit ?? false;
  const current = state.steps.find((s) => s.current);
  const doneCount = state.steps.filter((s) => s.done).length;
  const refusal = onboarding.isError && isApiError(onboarding.error) ? (onboarding.error.detail ?? onboarding.error.message) : null;

  return (
    <section className="card flex flex-col gap-4 p-5" aria-labelledby="onboarding-title" data-testid="onboarding-checklist">
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 id="onboarding-title" className="text-base font-semibold text-fg">Get started with Elimu</h2>
          <p className="mt-1 text-sm text-fg-muted">{doneCount} of {state.steps.length} steps done.
            {profile.data?.verificationStatus === 'pending' && ' Your organisation is waiting for verification; you can set up meanwhile.'}</p>
        </div>
        {canEdit && (
          <button type="button" className="btn-ghost p-1.5" aria-label="Dismiss the checklist" onClick={() => onboarding.mutate('dismiss')} data-testid="onboarding-dismiss">
            <X className="size-4" aria-hidden="true" />
          </button>
        )}
      </div>
      <ol className="grid gap-2 sm:grid-cols-2 xl:grid-cols-4">
        {state.steps.map((step, i) => (
          <li key={step.key} data-testid={`onboarding-step-${step.key}`} data-done={step.done} aria-current={step.current ? 'step' : undefined}
            className={`flex flex-col gap-1.5 rounded-lg border p-3 ${step.current ? 'border-brand/60 bg-brand-soft' : 'border-line'}`}>
            <span className="flex items-center gap-2 text-sm font-medium text-fg">
              {step.done ? <CheckCircle2 className="size-4 text-ok" aria-label="Done" /> : <Circle className="size-4 text-fg-subtle" aria-label="Not done" />}
              {i + 1}. {step.title}
            </span>
            <span className="text-xs text-fg-muted">{step.description}</span>
            {!step.done && STEP_LINKS[step.key] && (
              <Link to={STEP_LINKS[step.key]!.to} className="text-xs font-medium text-brand-text hover:underline">{STEP_LINKS[step.key]!.label}</Link>
            )}
          </li>
        ))}
      </ol>
      {refusal && <p role="alert" className="text-sm text-brand-text">{refusal}</p>}
      {canEdit && current && (
        <div className="flex flex-wrap gap-2">
          <button type="button" className="btn-primary" disabled={onboarding.isPending || !current.done} onClick={() => onboarding.mutate('complete')} data-testid="onboarding-next">
            {current.done ? `Next: ${state.steps[state.step + 1]?.title ?? 'finish'}` : `Finish “${current.title}” to continue`}
          </button>
          <button type="button" className="btn-secondary" disabled={onboarding.isPending} onClick={() => onboarding.mutate('skip')} data-testid="onboarding-skip">
            Skip for now
          </button>
        </div>
      )}
    </section>
  );
}
