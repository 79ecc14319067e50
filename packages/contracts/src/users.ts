import { z } from 'zod';
import { INDUSTRIES, LANGUAGES, ORG_ROLES, ORGANIZATION_STATUSES, PLATFORM_ROLES, SUBSCRIPTION_TIERS, USER_STATUSES } from './enums.js';
import { text } from './text.js';

export const organizationSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    nameAr: z.string().nullable(),
    industry: z.enum(INDUSTRIES).nullable(),
    status: z.enum(ORGANIZATION_STATUSES),
    subscriptionTier: z.enum(SUBSCRIPTION_TIERS),
    trialEndsAt: z.string().nullable(),
    logoUrl: z.string().nullable(),
  })
  .meta({ id: 'OrganizationSummary' });

export const meSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    emailVerified: z.boolean(),
    name: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    jobTitle: z.string().nullable(),
    department: z.string().nullable(),
    phone: z.string().nullable(),
    bio: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    language: z.enum(LANGUAGES),
    platformRole: z.enum(PLATFORM_ROLES),
    status: z.enum(USER_STATUSES),
    createdAt: z.string(),
    /** Unverified accounts may write for 7 days; after this instant they are read-only until verified. */
    verificationDeadline: z.string().nullable(),
    orgRole: z.enum(ORG_ROLES),
    organization: organizationSummarySchema,
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

export const sessionInfoSchema = z
  .object({
    id: z.uuid(),
    createdAt: z.string(),
    updatedAt: z.string(),
    expiresAt: z.string(),
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
    rememberMe: z.boolean(),
    isCurrent: z.boolean(),
  })
  .meta({ id: 'SessionInfo' });
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const sessionListSchema = z.object({ items: z.array(sessionInfoSchema) }).meta({ id: 'SessionList' });

const optionalText = (max: number, multiline = false) => text({ multiline }).trim().max(max).nullable().optional();

/** What a user may change on their own profile; email, role, organization and status are not here. */
export const updateMeBodySchema = z
  .object({
    firstName: text().trim().min(1, { error: 'Required' }).max(100).optional(),
    lastName: text().trim().min(1, { error: 'Required' }).max(100).optional(),
    jobTitle: optionalText(120),
    department: optionalText(120),
    phone: text()
      .trim()
      .max(32)
      .regex(/^\+?[0-9 ()-]{6,32}$/, { error: 'Enter a phone number' })
      .nullable()
      .optional(),
    bio: optionalText(2000, true),
    language: z.enum(LANGUAGES).optional(),
  })
  .strict()
  .meta({ id: 'UpdateMeBody' });
export type UpdateMeBody = z.infer<typeof updateMeBodySchema>;
