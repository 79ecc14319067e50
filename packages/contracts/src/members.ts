import { z } from 'zod';
import { organizationRefSchema } from './organizations.js';
import { ORG_ROLES, USER_STATUSES } from './enums.js';
import { pageQuerySchema, pageSchema } from './pagination.js';
import { text } from './text.js';

/** A person in the admin's Members table. */
export const memberSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    jobTitle: z.string().nullable(),
    department: z.string().nullable(),
    phone: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    role: z.enum(ORG_ROLES),
    status: z.enum(USER_STATUSES),
    emailVerified: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof memberSchema>;

export const MEMBER_SORTS = ['name', 'email', 'newest', 'oldest'] as const;

export const memberListQuerySchema = pageQuerySchema
  .extend({
    search: text().trim().max(200).optional().describe('Part of the name or email'),
    role: z.enum(ORG_ROLES).optional(),
    status: z.enum(USER_STATUSES).optional(),
    department: text().trim().max(120).optional(),
    sort: z.enum(MEMBER_SORTS).default('name'),
  })
  .meta({ id: 'MemberListQuery' });
export type MemberListQuery = z.infer<typeof memberListQuerySchema>;

export const memberPageSchema = pageSchema(memberSchema).meta({ id: 'MemberPage' });

/** What an organization admin may change on a member. Suspension is the platform's; admins deactivate. */
export const updateMemberBodySchema = z
  .object({
    role: z.enum(ORG_ROLES).optional(),
    status: z.enum(['active', 'inactive']).optional(),
    jobTitle: text().trim().max(120).nullable().optional(),
    department: text().trim().max(120).nullable().optional(),
  })
  .strict()
  .meta({ id: 'UpdateMemberBody' });
export type UpdateMemberBody = z.infer<typeof updateMemberBodySchema>;

/**
 * Another user as a signed-in person sees them: the public card for everyone; colleagues of the same
 * organization also see email, phone, bio, role and status. Removed users show as a former member.
 */
export const userProfileSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    isFormerMember: z.boolean(),
    jobTitle: z.string().nullable(),
    department: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    organization: organizationRefSchema,
    colleague: z
      .object({
        email: z.string(),
        phone: z.string().nullable(),
        bio: z.string().nullable(),
        role: z.enum(ORG_ROLES),
        status: z.enum(USER_STATUSES),
      })
      .nullable(),
  })
  .meta({ id: 'UserProfile' });
export type UserProfile = z.infer<typeof userProfileSchema>;
