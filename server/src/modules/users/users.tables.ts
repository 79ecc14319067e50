import { sql } from 'drizzle-orm';
import { boolean, check, index, uniqueIndex, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * People. The auth library reads and writes this table as its "user" model (id, name, email,
 * emailVerified, image, createdAt, updatedAt and the additional fields it is told about); the rest
 * is the product's profile.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    emailVerified: boolean('email_verified').notNull().default(false),
    /** The avatar's URL (/api/v1/files/:id), kept in the auth library's "image" field. */
    image: text('image'),
    avatarFileId: uuid('avatar_file_id'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    jobTitle: text('job_title'),
    department: text('department'),
    phone: text('phone'),
    bio: text('bio'),
    language: text('language', { enum: ['en', 'ar'] })
      .notNull()
      .default('en'),
    platformRole: text('platform_role', { enum: ['member', 'moderator', 'superadmin'] })
      .notNull()
      .default('member'),
    status: text('status', { enum: ['active', 'inactive', 'suspended'] })
      .notNull()
      .default('active'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), check('users_email_lowercase', sql`${t.email} = lower(${t.email})`)],
);

/**
 * Each download of a person's own data (GET /users/me/export): the rate limit counts these rows, and
 * they go with the rest of the person's data when the account is deleted.
 */
export const userDataExports = pgTable(
  'user_data_exports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('user_data_exports_user_idx').on(t.userId, t.createdAt.desc())],
);
