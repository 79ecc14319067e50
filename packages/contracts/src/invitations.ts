import { z } from 'zod';
import { organizationRefSchema } from './organizations.js';
import { emailSchema, passwordSchema } from './auth.js';
import { INVITATION_STATUSES, LANGUAGES, ORG_ROLES } from './enums.js';
import { pageQuerySchema, pageSchema } from './pagination.js';
import { text } from './text.js';

export const INVITATION_DAYS = 7;

/** The personal message of an invitation: plain text, this long at most. */
export const INVITATION_MESSAGE_MAX = 500;

// What a mail client would turn into a link: a scheme (https:, mailto:, …), "www.", an e-mail address or
// a bare domain ("evil.example/x"), with the dots that IDNA reads as dots (。．｡). Plain prose passes.
const DOT = '[.\u3002\uFF0E\uFF61]';
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?';
const LINK_PATTERNS = [
  /\b[a-z][a-z0-9+.-]*:\/\//iu,
  /\b(?:mailto|tel|sms|javascript|data):/iu,
  new RegExp(`(?:^|[^\\p{L}\\p{N}])www${DOT}`, 'iu'),
  /[^\s@]+@[^\s@]+/u,
  new RegExp(`${LABEL}(?:${DOT}${LABEL})*${DOT}\\p{L}{2,}(?![\\p{L}\\p{N}])`, 'iu'),
];

/** Whether a text carries something a mail client would make a link of (a URL, www., a domain, an e-mail address). */
export function containsLink(text: string): boolean {
  return LINK_PATTERNS.some((pattern) => pattern.test(text));
}

export const createInvitationBodySchema = z
  .object({
    email: emailSchema,
    role: z.enum(ORG_ROLES).default('member'),
    message: text({ multiline: true })
      .trim()
      .max(INVITATION_MESSAGE_MAX)
      .refine((value) => !containsLink(value), { error: 'The message is plain text: no links, web addresses or e-mail addresses' })
      .optional()
      .describe('Plain text without links, web or e-mail addresses'),
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
