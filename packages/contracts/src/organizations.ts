import { z } from 'zod';
import { INDUSTRIES, ORGANIZATION_SIZES, ORGANIZATION_STATUSES, SUBSCRIPTION_TIERS } from './enums.js';
import { text, textRule } from './text.js';

const nullableText = (max: number, multiline = false) => text({ multiline }).trim().max(max).nullable().optional();

/** The own organization, as its members see it. */
export const organizationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    nameAr: z.string().nullable(),
    industry: z.enum(INDUSTRIES).nullable(),
    size: z.enum(ORGANIZATION_SIZES).nullable(),
    city: z.string().nullable(),
    region: z.string().nullable(),
    website: z.string().nullable(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    description: z.string().nullable(),
    logoUrl: z.string().nullable(),
    status: z.enum(ORGANIZATION_STATUSES),
    subscriptionTier: z.enum(SUBSCRIPTION_TIERS),
    trialEndsAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Organization' });
export type Organization = z.infer<typeof organizationSchema>;

/** How another record names a company: enough to show its name and logo and link to its card. */
export const organizationRefSchema = organizationSchema
  .pick({ id: true, name: true, nameAr: true, logoUrl: true })
  .meta({ id: 'OrganizationRef' });

/** What an organization admin may change. Status and tier belong to the platform's superadmins. */
export const updateOrganizationBodySchema = z
  .object({
    name: text().trim().min(2, { error: 'Use at least 2 characters' }).max(200).optional(),
    nameAr: nullableText(200),
    industry: z.enum(INDUSTRIES).nullable().optional(),
    size: z.enum(ORGANIZATION_SIZES).nullable().optional(),
    city: nullableText(100),
    region: nullableText(100),
    website: z
      .url({ protocol: /^https?$/, error: 'Enter a web address starting with http:// or https://' })
      .max(300)
      .check(textRule())
      .nullable()
      .optional(),
    contactEmail: z.email({ error: 'Enter a valid email address' }).max(254).check(textRule()).nullable().optional(),
    contactPhone: text()
      .trim()
      .max(32)
      .regex(/^\+?[0-9 ()-]{6,32}$/, { error: 'Enter a phone number' })
      .nullable()
      .optional(),
    description: nullableText(4000, true),
  })
  .strict()
  .meta({ id: 'UpdateOrganizationBody' });
export type UpdateOrganizationBody = z.infer<typeof updateOrganizationBodySchema>;

/** A company as anyone (guests included) sees it: the public part of its profile. */
export const organizationCardSchema = organizationSchema
  .pick({
    id: true,
    name: true,
    nameAr: true,
    industry: true,
    size: true,
    city: true,
    region: true,
    website: true,
    description: true,
    logoUrl: true,
  })
  .extend({ memberCount: z.number().int(), /** Its published public use cases. */ publicUseCasesCount: z.number().int() })
  .meta({ id: 'OrganizationCard' });
export type OrganizationCard = z.infer<typeof organizationCardSchema>;

export const organizationStatsSchema = z
  .object({
    users: z.object({
      total: z.number().int(),
      byRole: z.object({ admin: z.number().int(), member: z.number().int() }),
      byStatus: z.object({ active: z.number().int(), inactive: z.number().int(), suspended: z.number().int() }),
    }),
    invitations: z.object({ pending: z.number().int() }),
    /** What the organization's people have written (not deleted): forum topics and replies, use cases (all statuses) and the published ones. */
    content: z.object({
      forumTopics: z.number().int(),
      forumPosts: z.number().int(),
      useCases: z.number().int(),
      publishedUseCases: z.number().int(),
    }),
    storage: z.object({ usedBytes: z.number().int(), quotaBytes: z.number().int().nullable(), files: z.number().int() }),
    subscription: z.object({
      tier: z.enum(SUBSCRIPTION_TIERS),
      trialEndsAt: z.string().nullable(),
      trialDaysLeft: z.number().int().nullable(),
      limits: z.object({
        users: z.number().int().nullable(),
        useCases: z.number().int().nullable(),
        storageBytes: z.number().int().nullable(),
      }),
    }),
  })
  .meta({ id: 'OrganizationStats' });
export type OrganizationStats = z.infer<typeof organizationStatsSchema>;
