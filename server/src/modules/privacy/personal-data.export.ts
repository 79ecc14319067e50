import type { PersonalDataExport } from '@p2p/contracts';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { sessions } from '../auth/index.js';
import { files } from '../files/index.js';
import { forumPostLikes, forumPosts, forumSearchLog, forumTopicLikes, forumTopics } from '../forum/index.js';
import { effectiveStatus, invitations } from '../invitations/index.js';
import { findMembershipWithOrganization } from '../organizations/index.js';
import {
  useCaseLikes,
  useCaseReports,
  useCaseSavedSearches,
  useCaseSaves,
  useCaseSearchLog,
  useCaseVersions,
  useCases,
} from '../use-cases/index.js';
import { findUserById, userDataExports } from '../users/index.js';

const invitationExpired = sql<boolean>`${invitations.expiresAt} <= now()`;

const iso = (value: Date) => value.toISOString();
const isoOrNull = (value: Date | null) => (value ? value.toISOString() : null);

/**
 * Everything kept about one person, read in one transaction so the sections agree. Each section
 * selects this person's own rows only (by their id), and only the columns it exports (never a
 * session token); other people appear by id at most.
 */
export async function collectPersonalData(db: DbOrTx, userId: string): Promise<PersonalDataExport> {
  const [user, membership] = await Promise.all([findUserById(db, userId), findMembershipWithOrganization(db, userId)]);
  if (!user || user.deletedAt || !membership) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');

  const [
    sessionRows,
    fileRows,
    invitationRows,
    topicRows,
    postRows,
    topicLikeRows,
    postLikeRows,
    forumSearchRows,
    caseRows,
    versionRows,
    caseLikeRows,
    saveRows,
    savedSearchRows,
    caseSearchRows,
    reportRows,
    exportRows,
  ] = await Promise.all([
    db
      .select({
        createdAt: sessions.createdAt,
        updatedAt: sessions.updatedAt,
        expiresAt: sessions.expiresAt,
        ipAddress: sessions.ipAddress,
        userAgent: sessions.userAgent,
        rememberMe: sessions.rememberMe,
      })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
      .orderBy(desc(sessions.updatedAt)),
    db
      .select({
        id: files.id,
        purpose: files.purpose,
        contentType: files.contentType,
        sizeBytes: files.sizeBytes,
        originalName: files.originalName,
        createdAt: files.createdAt,
        deletedAt: files.deletedAt,
      })
      .from(files)
      .where(eq(files.uploaderId, userId))
      .orderBy(asc(files.createdAt)),
    db
      .select({ invitation: invitations, isExpired: invitationExpired })
      .from(invitations)
      .where(eq(invitations.invitedById, userId))
      .orderBy(asc(invitations.createdAt)),
    db
      .select({
        id: forumTopics.id,
        categoryId: forumTopics.categoryId,
        title: forumTopics.title,
        body: forumTopics.body,
        createdAt: forumTopics.createdAt,
        editedAt: forumTopics.editedAt,
        deletedAt: forumTopics.deletedAt,
      })
      .from(forumTopics)
      .where(eq(forumTopics.authorId, userId))
      .orderBy(asc(forumTopics.createdAt)),
    db
      .select({
        id: forumPosts.id,
        topicId: forumPosts.topicId,
        parentId: forumPosts.parentId,
        body: forumPosts.body,
        createdAt: forumPosts.createdAt,
        editedAt: forumPosts.editedAt,
        deletedAt: forumPosts.deletedAt,
      })
      .from(forumPosts)
      .where(eq(forumPosts.authorId, userId))
      .orderBy(asc(forumPosts.createdAt)),
    db
      .select({ topicId: forumTopicLikes.topicId, createdAt: forumTopicLikes.createdAt })
      .from(forumTopicLikes)
      .where(eq(forumTopicLikes.userId, userId))
      .orderBy(asc(forumTopicLikes.createdAt)),
    db
      .select({ postId: forumPostLikes.postId, createdAt: forumPostLikes.createdAt })
      .from(forumPostLikes)
      .where(eq(forumPostLikes.userId, userId))
      .orderBy(asc(forumPostLikes.createdAt)),
    db
      .select({ term: forumSearchLog.term, resultsCount: forumSearchLog.resultsCount, createdAt: forumSearchLog.createdAt })
      .from(forumSearchLog)
      .where(eq(forumSearchLog.userId, userId))
      .orderBy(asc(forumSearchLog.createdAt)),
    db
      .select({
        id: useCases.id,
        title: useCases.title,
        titleAr: useCases.titleAr,
        summary: useCases.summary,
        summaryAr: useCases.summaryAr,
        challenge: useCases.challenge,
        solution: useCases.solution,
        results: useCases.results,
        status: useCases.status,
        visibility: useCases.visibility,
        createdAt: useCases.createdAt,
        publishedAt: useCases.publishedAt,
        updatedAt: useCases.updatedAt,
      })
      .from(useCases)
      .where(eq(useCases.authorId, userId))
      .orderBy(asc(useCases.createdAt)),
    db
      .select({
        useCaseId: useCaseVersions.useCaseId,
        version: useCaseVersions.version,
        changes: useCaseVersions.changes,
        createdAt: useCaseVersions.createdAt,
      })
      .from(useCaseVersions)
      .where(eq(useCaseVersions.editorId, userId))
      .orderBy(asc(useCaseVersions.createdAt)),
    db
      .select({ useCaseId: useCaseLikes.useCaseId, createdAt: useCaseLikes.createdAt })
      .from(useCaseLikes)
      .where(eq(useCaseLikes.userId, userId))
      .orderBy(asc(useCaseLikes.createdAt)),
    db
      .select({ useCaseId: useCaseSaves.useCaseId, createdAt: useCaseSaves.createdAt })
      .from(useCaseSaves)
      .where(eq(useCaseSaves.userId, userId))
      .orderBy(asc(useCaseSaves.createdAt)),
    db
      .select({
        id: useCaseSavedSearches.id,
        name: useCaseSavedSearches.name,
        search: useCaseSavedSearches.search,
        createdAt: useCaseSavedSearches.createdAt,
        lastRunAt: useCaseSavedSearches.lastRunAt,
      })
      .from(useCaseSavedSearches)
      .where(eq(useCaseSavedSearches.userId, userId))
      .orderBy(asc(useCaseSavedSearches.createdAt)),
    db
      .select({
        q: useCaseSearchLog.q,
        filters: useCaseSearchLog.filters,
        resultsCount: useCaseSearchLog.resultsCount,
        createdAt: useCaseSearchLog.createdAt,
      })
      .from(useCaseSearchLog)
      .where(eq(useCaseSearchLog.userId, userId))
      .orderBy(asc(useCaseSearchLog.createdAt)),
    db
      .select({
        useCaseId: useCaseReports.useCaseId,
        reason: useCaseReports.reason,
        details: useCaseReports.details,
        status: useCaseReports.status,
        createdAt: useCaseReports.createdAt,
      })
      .from(useCaseReports)
      .where(eq(useCaseReports.reporterId, userId))
      .orderBy(asc(useCaseReports.createdAt)),
    db
      .select({ createdAt: userDataExports.createdAt })
      .from(userDataExports)
      .where(eq(userDataExports.userId, userId))
      .orderBy(asc(userDataExports.createdAt)),
  ]);

  return {
    format: 'p2p-sandbox-personal-data',
    version: 1,
    exportedAt: new Date().toISOString(),
    profile: {
      id: user.id,
      email: user.email,
      emailVerified: user.emailVerified,
      name: user.name,
      firstName: user.firstName,
      lastName: user.lastName,
      jobTitle: user.jobTitle,
      department: user.department,
      phone: user.phone,
      bio: user.bio,
      avatarFileId: user.avatarFileId,
      language: user.language,
      platformRole: user.platformRole,
      status: user.status,
      createdAt: iso(user.createdAt),
      updatedAt: iso(user.updatedAt),
    },
    membership: {
      organization: { id: membership.organization.id, name: membership.organization.name, nameAr: membership.organization.nameAr },
      role: membership.membership.role,
      joinedAt: iso(membership.membership.createdAt),
    },
    // Never the session token: when, where from and with what the person signed in.
    sessions: sessionRows.map((s) => ({
      createdAt: iso(s.createdAt),
      lastSeenAt: iso(s.updatedAt),
      expiresAt: iso(s.expiresAt),
      ipAddress: s.ipAddress || null,
      userAgent: s.userAgent || null,
      rememberMe: s.rememberMe,
    })),
    // Metadata only (the bytes are downloaded one by one from their own links).
    files: fileRows.map((f) => ({
      id: f.id,
      purpose: f.purpose,
      contentType: f.contentType,
      sizeBytes: f.sizeBytes,
      originalName: f.originalName,
      createdAt: iso(f.createdAt),
      deletedAt: isoOrNull(f.deletedAt),
    })),
    invitationsSent: invitationRows.map((row) => ({
      id: row.invitation.id,
      email: row.invitation.email,
      role: row.invitation.role,
      status: effectiveStatus({ invitation: row.invitation, isExpired: row.isExpired === true }),
      message: row.invitation.message,
      sendCount: row.invitation.sendCount,
      createdAt: iso(row.invitation.createdAt),
      lastSentAt: iso(row.invitation.lastSentAt),
    })),
    forum: {
      topics: topicRows.map((topic) => ({
        id: topic.id,
        categoryId: topic.categoryId,
        title: topic.title,
        body: topic.body,
        createdAt: iso(topic.createdAt),
        editedAt: isoOrNull(topic.editedAt),
        deletedAt: isoOrNull(topic.deletedAt),
      })),
      posts: postRows.map((post) => ({
        id: post.id,
        topicId: post.topicId,
        parentPostId: post.parentId,
        body: post.body,
        createdAt: iso(post.createdAt),
        editedAt: isoOrNull(post.editedAt),
        deletedAt: isoOrNull(post.deletedAt),
      })),
      likes: [
        ...topicLikeRows.map((l) => ({ topicId: l.topicId, postId: null, likedAt: iso(l.createdAt) })),
        ...postLikeRows.map((l) => ({ topicId: null, postId: l.postId, likedAt: iso(l.createdAt) })),
      ].sort((a, b) => a.likedAt.localeCompare(b.likedAt)),
      searches: forumSearchRows.map((s) => ({ term: s.term, resultsCount: s.resultsCount, searchedAt: iso(s.createdAt) })),
    },
    useCases: {
      cases: caseRows.map((c) => ({
        id: c.id,
        title: c.title,
        titleAr: c.titleAr,
        summary: c.summary,
        summaryAr: c.summaryAr,
        challenge: c.challenge,
        solution: c.solution,
        results: c.results,
        status: c.status,
        visibility: c.visibility,
        createdAt: iso(c.createdAt),
        publishedAt: isoOrNull(c.publishedAt),
        updatedAt: iso(c.updatedAt),
      })),
      versions: versionRows.map((v) => ({ useCaseId: v.useCaseId, version: v.version, changes: v.changes, createdAt: iso(v.createdAt) })),
      likes: caseLikeRows.map((l) => ({ useCaseId: l.useCaseId, likedAt: iso(l.createdAt) })),
      saved: saveRows.map((s) => ({ useCaseId: s.useCaseId, savedAt: iso(s.createdAt) })),
      savedSearches: savedSearchRows.map((s) => ({
        id: s.id,
        name: s.name,
        search: s.search,
        createdAt: iso(s.createdAt),
        lastRunAt: isoOrNull(s.lastRunAt),
      })),
      searches: caseSearchRows.map((s) => ({ q: s.q, filters: s.filters, resultsCount: s.resultsCount, searchedAt: iso(s.createdAt) })),
      reports: reportRows.map((r) => ({
        useCaseId: r.useCaseId,
        reason: r.reason,
        details: r.details,
        status: r.status,
        createdAt: iso(r.createdAt),
      })),
    },
    dataExports: exportRows.map((e) => ({ at: iso(e.createdAt) })),
  };
}
