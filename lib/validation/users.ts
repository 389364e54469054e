import { z } from 'zod';
import { ROLES } from '@/lib/domain';
import { passwordProblem, PASSWORD_RULES } from './password';
import { id, openedVersion, requiredText } from './fields';

export const emailField = z
  .string({ error: 'Email is required.' })
  .trim()
  .toLowerCase()
  .min(1, 'Email is required.')
  .max(320, 'Email must be at most 320 characters.')
  .pipe(z.email('Give a valid email address, like name@example.org.'));

/** A new password, held to the rules of lib/auth/password.ts. */
export const passwordField = z
  .string({ error: `Choose a password: ${PASSWORD_RULES}.` })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const roleField = z.enum(ROLES, { error: 'Choose a role: admin, analyst or viewer.' });

export const NewUserSchema = z.object({
  email: emailField,
  name: requiredText('Name', 200),
  role: roleField,
  password: passwordField,
});

// The account's version when the users page was opened: its role, access and password are one record.
export const UserRoleSchema = z.object({ userId: id('User'), version: openedVersion, role: roleField });

export const UserDisabledSchema = z.object({
  userId: id('User'),
  version: openedVersion,
  disabled: z.enum(['true', 'false'], { error: 'Choose to disable or enable.' }).transform((v) => v === 'true'),
});

export const PasswordResetSchema = z.object({ userId: id('User'), version: openedVersion, password: passwordField });
