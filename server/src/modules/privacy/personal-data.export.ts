import type { PersonalDataExport } from '@p2p/contracts';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.js';
import { iso, isoOrNull } from '../../platform/time.js';
import { AppError } from '../../platform/errors.js';
import { sessions } from '../auth/index.js';
import { files } from '../files/index.js';
import { forumPersonalData } from '../forum/index.js';
import { effectiveStatus, invitations } from '../invitations/index.js';
import { findMembershipWithOrganization } from '../organizations/index.js';
import { useCasePersonalData } from '../use-cases/index.js';
import { findUserById, userDataExports } from '../users/index.js';

const invitationExpired = sql<boolean>`${invitations.expiresAt} <= now()`;

/**
 * Everything kept about one person, read in one transaction so the sections agree. Each section
 * selects this person's own rows only (by their id), and only the columns it exports (never a
 * session token); other people appear by id at most.
 */
export async function collectPersonalData(db: DbOrTx, userId: string): Promise<PersonalDataExport> {
  const [user, membership] = await Promise.all([findUserById(db, userId), findMembershipWithOrganization(db, userId)]);
  if (!user || user.deletedAt || !membership) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');

  const [sessionRows, fileRows, invitationRows, exportRows, forum, useCases] = await Promise.all([
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
      .select({ createdAt: userDataExports.createdAt })
      .from(userDataExports)
      .where(eq(userDataExports.userId, userId))
      .orderBy(asc(userDataExports.createdAt)),
    forumPersonalData(db, userId),
    useCasePersonalData(db, userId),
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
    forum,
    useCases,
    dataExports: exportRows.map((e) => ({ at: iso(e.createdAt) })),
  };
}
