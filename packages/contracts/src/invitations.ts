import { z } from 'zod';
import { organizationRefSchema } from './organizations.js';
import { emailSchema, passwordSchema } from './auth.js';
import { INVITATION_STATUSES, LANGUAGES, ORG_ROLES } from './enums.js';
import { pageQuerySchema, pageSchema } from './pagination.js';
import { text } from './text.js';

export const INVITATION_DAYS = 7;

export const createInvitationBodySchema = z
  .object({
    email: emailSchema,
    role: z.enum(ORG_ROLES).default('member'),
    message: text({ multiline: true }).trim().max(1000).optional(),
    language: z.enum(LANGUAGES).optional().describe("Language of the email; the inviting admin's language when absent"),
  })
  .strict()
  .meta({ id: 'CreateInvitationBody' });
export type CreateInvitationBody = z.infer<typeof createInvitationBodySchema>;

export const invitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: z.enum(ORG_ROLES),
    message: z.string().nullable(),
    language: z.enum(LANGUAGES),
    status: z.enum(INVITATION_STATUSES),
    expiresAt: z.string(),
    createdAt: z.string(),
    lastSentAt: z.string(),
    sendCount: z.number().int(),
    invitedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    acceptedAt: z.string().nullable(),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof invitationSchema>;

export const invitationListQuerySchema = pageQuerySchema
  .extend({ status: z.enum(INVITATION_STATUSES).optional() })
  .meta({ id: 'InvitationListQuery' });
export const invitationPageSchema = pageSchema(invitationSchema).meta({ id: 'InvitationPage' });

export const invitationStatsSchema = z
  .object({
    sent: z.number().int(),
    pending: z.number().int(),
    accepted: z.number().int(),
    expired: z.number().int(),
    cancelled: z.number().int(),
    /** accepted / sent, 0 when nothing was sent. */
    acceptanceRate: z.number(),
  })
  .meta({ id: 'InvitationStats' });
export type InvitationStats = z.infer<typeof invitationStatsSchema>;

/** What the invitation link shows before the invitee decides (public: the token is the credential). */
export const invitationPreviewSchema = z
  .object({
    email: z.string(),
    role: z.enum(ORG_ROLES),
    message: z.string().nullable(),
    language: z.enum(LANGUAGES),
    expiresAt: z.string(),
    organization: organizationRefSchema,
    invitedBy: z.object({ name: z.string() }).nullable(),
  })
  .meta({ id: 'InvitationPreview' });
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/** The token of an invitation link, as its path carries it. */
export const invitationTokenParamsSchema = z.object({ token: text().min(1).max(100) });

export const acceptInvitationBodySchema = z
  .object({
    token: text().min(1, { error: 'Required' }),
    firstName: text().trim().min(1, { error: 'Required' }).max(100),
    lastName: text().trim().min(1, { error: 'Required' }).max(100),
    password: passwordSchema,
    language: z.enum(LANGUAGES).optional(),
  })
  .strict()
  .meta({ id: 'AcceptInvitationBody' });
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBodySchema>;
