import { z } from 'zod';
import { LANGUAGES, ORG_ROLES, PLATFORM_ROLES, USER_STATUSES } from './enums.js';
import { text } from './text.js';

/** How often a person may download their data (GET /users/me/export). */
export const PERSONAL_DATA_EXPORTS_PER_HOUR = 3;

/** Deleting one's own account needs the current password, whatever the session's age. */
export const deleteAccountBodySchema = z
  .object({ password: text().min(1, { error: 'Required' }).max(128) })
  .strict()
  .meta({ id: 'DeleteAccountBody' });
export type DeleteAccountBody = z.infer<typeof deleteAccountBodySchema>;

const instant = z.string();
const instantOrNull = z.string().nullable();

/**
 * Everything the product keeps about one person, as that person downloads it. Other people appear
 * in it only by id (an invitation's address is the one this person typed); tokens and password
 * hashes never.
 */
export const personalDataExportSchema = z
  .object({
    format: z.literal('p2p-sandbox-personal-data'),
    version: z.literal(1),
    exportedAt: instant,
    profile: z.object({
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
      avatarFileId: z.string().nullable(),
      language: z.enum(LANGUAGES),
      platformRole: z.enum(PLATFORM_ROLES),
      status: z.enum(USER_STATUSES),
      createdAt: instant,
      updatedAt: instant,
    }),
    membership: z.object({
      organization: z.object({ id: z.uuid(), name: z.string(), nameAr: z.string().nullable() }),
      role: z.enum(ORG_ROLES),
      joinedAt: instant,
    }),
    sessions: z.array(
      z.object({
        createdAt: instant,
        lastSeenAt: instant,
        expiresAt: instant,
        ipAddress: z.string().nullable(),
        userAgent: z.string().nullable(),
        rememberMe: z.boolean(),
      }),
    ),
    files: z.array(
      z.object({
        id: z.uuid(),
        purpose: z.string(),
        contentType: z.string(),
        sizeBytes: z.number(),
        originalName: z.string().nullable(),
        createdAt: instant,
        deletedAt: instantOrNull,
      }),
    ),
    invitationsSent: z.array(
      z.object({
        id: z.uuid(),
        email: z.string(),
        role: z.enum(ORG_ROLES),
        status: z.string(),
        message: z.string().nullable(),
        sendCount: z.number().int(),
        createdAt: instant,
        lastSentAt: instant,
      }),
    ),
    forum: z.object({
      topics: z.array(
        z.object({
          id: z.uuid(),
          categoryId: z.uuid(),
          title: z.string(),
          body: z.string(),
          createdAt: instant,
          editedAt: instantOrNull,
          deletedAt: instantOrNull,
        }),
      ),
      posts: z.array(
        z.object({
          id: z.uuid(),
          topicId: z.uuid(),
          parentPostId: z.uuid().nullable(),
          body: z.string(),
          createdAt: instant,
          editedAt: instantOrNull,
          deletedAt: instantOrNull,
        }),
      ),
      likes: z.array(z.object({ topicId: z.uuid().nullable(), postId: z.uuid().nullable(), likedAt: instant })),
      searches: z.array(z.object({ term: z.string(), resultsCount: z.number().int(), searchedAt: instant })),
    }),
    useCases: z.object({
      cases: z.array(
        z.object({
          id: z.uuid(),
          title: z.string(),
          titleAr: z.string().nullable(),
          summary: z.string(),
          summaryAr: z.string().nullable(),
          challenge: z.string(),
          solution: z.string(),
          results: z.string(),
          status: z.string(),
          visibility: z.string(),
          createdAt: instant,
          publishedAt: instantOrNull,
          updatedAt: instant,
        }),
      ),
      versions: z.array(
        z.object({
          useCaseId: z.uuid(),
          version: z.number().int(),
          changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
          createdAt: instant,
        }),
      ),
      likes: z.array(z.object({ useCaseId: z.uuid(), likedAt: instant })),
      saved: z.array(z.object({ useCaseId: z.uuid(), savedAt: instant })),
      savedSearches: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          search: z.record(z.string(), z.unknown()),
          createdAt: instant,
          lastRunAt: instantOrNull,
        }),
      ),
      searches: z.array(
        z.object({ q: z.string(), filters: z.record(z.string(), z.unknown()), resultsCount: z.number().int(), searchedAt: instant }),
      ),
      reports: z.array(
        z.object({ useCaseId: z.uuid(), reason: z.string(), details: z.string().nullable(), status: z.string(), createdAt: instant }),
      ),
    }),
    dataExports: z.array(z.object({ at: instant })),
  })
  .meta({ id: 'PersonalDataExport' });
export type PersonalDataExport = z.infer<typeof personalDataExportSchema>;
