import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/organizations.tables.js';
import { users } from '../users/users.tables.js';

/**
 * Invitations to join an organization. Only the SHA-256 of the token is stored; "expired" is not a
 * stored status but a pending invitation past expiresAt.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: ['admin', 'member'] })
      .notNull()
      .default('member'),
    message: text('message'),
    language: text('language', { enum: ['en', 'ar'] })
      .notNull()
      .default('en'),
    tokenHash: text('token_hash').notNull().unique(),
    status: text('status', { enum: ['pending', 'accepted', 'cancelled'] })
      .notNull()
      .default('pending'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    invitedById: uuid('invited_by_id').references(() => users.id, { onDelete: 'set null' }),
    acceptedUserId: uuid('accepted_user_id').references(() => users.id, { onDelete: 'set null' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    sendCount: integer('send_count').notNull().default(1),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One pending invitation per email per organization.
    uniqueIndex('invitations_pending_email_unique')
      .on(t.organizationId, t.email)
      .where(sql`${t.status} = 'pending'`),
    index('invitations_organization_status_idx').on(t.organizationId, t.status),
  ],
);

/**
 * Every invitation email sent: the first one of an invitation (`invite`, also a renewal through a new
 * invitation of the same address) and each `resend`. The sending limits are counted from these rows,
 * under the organization's lock, so they stay exact when requests run at once.
 */
export const invitationSends = pgTable(
  'invitation_sends',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** The address as invited (lower-cased), for the per-address limit. */
    email: text('email').notNull(),
    sentById: uuid('sent_by_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: ['invite', 'resend'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('invitation_sends_organization_idx').on(t.organizationId, t.createdAt.desc()),
    index('invitation_sends_sender_idx').on(t.sentById, t.createdAt.desc()),
    index('invitation_sends_invitation_idx').on(t.invitationId, t.createdAt.desc()),
    index('invitation_sends_address_idx').on(t.organizationId, t.email, t.createdAt.desc()),
  ],
);
