import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Loader2, UserPlus } from 'lucide-react';
import { FormField, fieldIds } from '@/components/partner/sponsorships/FormField';
import { isApiError } from '@/lib/api';
import { roleLabels, useInviteMember } from '@/services/partner/team';
import type { TeamInvitation } from '@/types/partner';
import { CopyLinkButton } from './CopyLinkButton';
import { inviteSchema, TEAM_ROLES, type InviteValues } from './invite-schema';

/** Invite by email and role; the new link is shown once, to copy (no mail is sent yet). */
export function InviteMemberForm() {
  const invite = useInviteMember();
  const [created, setCreated] = useState<TeamInvitation | null>(null);
  const { field, described } = fieldIds('invite');
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<InviteValues>({ resolver: zodResolver(inviteSchema), defaultValues: { email: '', role: 'viewer' }, mode: 'onTouched' });

  const onSubmit = handleSubmit(async (values) => {
    setCreated(null);
    try {
      setCreated(await invite.mutateAsync(values));
      reset({ email: '', role: values.role });
    } catch (error) {
      if (!isApiError(error)) throw error;
      const [emailError] = error.fieldErrors('email');
      const [roleError] = error.fieldErrors('role');
      if (roleError) setError('role', { message: roleError });
      setError('email', { message: emailError ?? error.detail ?? error.message });
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" data-testid="invite-form" aria-label="Invite a team member">
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-start">
        <FormField label="Email" htmlFor={field('email')} error={errors.email} errorId={`${field('email')}-error`} required>
          <input id={field('email')} type="email" className="input" autoComplete="off" aria-invalid={!!errors.email}
            aria-describedby={described('email', errors.email)} data-testid="invite-email" {...register('email')} />
        </FormField>
        <FormField label="Role" htmlFor={field('role')} error={errors.role} errorId={`${field('role')}-error`} required>
          <select id={field('role')} className="input" aria-invalid={!!errors.role} aria-describedby={described('role', errors.role)}
            data-testid="invite-role" {...register('role')}>
            {TEAM_ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r].label}
              </option>
            ))}
          </select>
        </FormField>
        <button type="submit" className="btn-primary sm:mt-[1.35rem]" disabled={invite.isPending} data-testid="invite-submit">
          {invite.isPending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : <UserPlus className="size-4" aria-hidden="true" />}
          Invite
        </button>
      </div>
      {created?.link && (
        <div role="status" className="flex flex-wrap items-center gap-2 rounded-lg border border-line bg-elevated px-3 py-2.5 text-sm" data-testid="invite-created">
          <span className="min-w-0 flex-1">
            Invitation for <strong>{created.email}</strong> ({roleLabels[created.role].label}). Send them this link; it works once, until{' '}
            {new Date(created.expiresAt).toLocaleDateString()}:
            <code className="mt-1 block truncate text-xs text-fg-muted" data-testid="invite-link">
              {created.link}
            </code>
          </span>
          <CopyLinkButton link={created.link} />
        </div>
      )}
    </form>
  );
}
