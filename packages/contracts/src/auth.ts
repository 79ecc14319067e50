import { z } from 'zod';
import { INDUSTRIES, LANGUAGES } from './enums.js';
import { text } from './text.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export const emailSchema = text()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address' }))
  .describe('Email address');

export const passwordSchema = text()
  .min(PASSWORD_MIN_LENGTH, { error: `Use at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH, { error: `Use at most ${PASSWORD_MAX_LENGTH} characters` });

const personName = text().trim().min(1, { error: 'Required' }).max(100);

export const signUpBodySchema = z
  .object({
    email: emailSchema,
    password: passwordSchema,
    firstName: personName,
    lastName: personName,
    organizationName: text().trim().min(2, { error: 'Use at least 2 characters' }).max(200),
    industry: z.enum(INDUSTRIES).optional(),
    language: z.enum(LANGUAGES).optional(),
    name: text().trim().min(1).max(200).optional().describe('Display name; derived from first and last name when absent'),
    rememberMe: z.boolean().optional().describe('Keep the session for 30 days instead of 7'),
    callbackURL: text().optional(),
  })
  .meta({ id: 'SignUpBody' });
export type SignUpBody = z.infer<typeof signUpBodySchema>;

export const signInBodySchema = z
  .object({
    email: emailSchema,
    password: text().min(1, { error: 'Required' }).max(PASSWORD_MAX_LENGTH),
    rememberMe: z.boolean().optional().describe('Keep the session for 30 days instead of 7'),
    callbackURL: text().optional(),
  })
  .meta({ id: 'SignInBody' });
export type SignInBody = z.infer<typeof signInBodySchema>;

export const requestPasswordResetBodySchema = z
  .object({ email: emailSchema, redirectTo: text().optional() })
  .meta({ id: 'RequestPasswordResetBody' });

export const resetPasswordBodySchema = z
  .object({ token: text().min(1, { error: 'Required' }), newPassword: passwordSchema })
  .meta({ id: 'ResetPasswordBody' });

export const changePasswordBodySchema = z
  .object({ currentPassword: text().min(1), newPassword: passwordSchema, revokeOtherSessions: z.boolean().optional() })
  .meta({ id: 'ChangePasswordBody' });

/** The link of the verification email. */
export const verifyEmailQuerySchema = z.object({ token: text().min(1), callbackURL: text().optional() });

export const sendVerificationEmailBodySchema = z
  .object({ email: emailSchema, callbackURL: text().optional() })
  .meta({ id: 'SendVerificationEmailBody' });

export const authUserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    emailVerified: z.boolean(),
    firstName: z.string(),
    lastName: z.string(),
    language: z.enum(LANGUAGES),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .loose()
  .meta({ id: 'AuthUser' });

export const authSessionResponseSchema = z
  .object({ token: z.string().nullable().optional(), user: authUserSchema, redirect: z.boolean().optional(), url: z.string().optional() })
  .loose()
  .meta({ id: 'AuthSessionResponse' });

export const statusResponseSchema = z.object({ status: z.boolean() }).loose().meta({ id: 'StatusResponse' });
