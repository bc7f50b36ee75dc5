import { z } from 'zod';

// The server's rules (Partners/Account/Team/InviteMember.cs) in the same words, checked before sending.
export const TEAM_ROLES = ['owner', 'finance', 'programs', 'viewer'] as const;

export const inviteSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter the email address to invite.')
    .max(256, 'Enter a valid email address, like name@example.org.')
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter a valid email address, like name@example.org.'),
  role: z.enum(TEAM_ROLES, { message: 'Choose a role: owner, finance, programs or viewer.' }),
});

export type InviteValues = z.infer<typeof inviteSchema>;
