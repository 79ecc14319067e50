import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { INDUSTRIES } from '@p2p/contracts';
import { users } from '../users/users.tables.js';

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    nameAr: text('name_ar'),
    industry: text('industry', { enum: INDUSTRIES }),
    size: text('size', { enum: ['1-10', '11-50', '51-200', '201-500', '500+'] }),
    city: text('city'),
    region: text('region'),
    website: text('website'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    description: text('description'),
    /** The logo's file id (a files row of purpose "logo"); the API serves it at /api/v1/files/:id. */
    logoFileId: uuid('logo_file_id'),
    /** Bytes of this organization's live files; changed only by SQL increments that check the tier quota. */
    storageUsedBytes: bigint('storage_used_bytes', { mode: 'number' }).notNull().default(0),
    status: text('status', { enum: ['active', 'suspended'] })
      .notNull()
      .default('active'),
    subscriptionTier: text('subscription_tier', { enum: ['trial', 'basic', 'professional', 'enterprise'] })
      .notNull()
      .default('trial'),
    trialEndsAt: timestamp('trial_ends_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organizations_name_idx').on(t.name)],
);

/** A user belongs to exactly one organization: one membership row per user. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['admin', 'member'] })
      .notNull()
      .default('member'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('memberships_user_unique').on(t.userId), index('memberships_organization_idx').on(t.organizationId, t.role)],
);
