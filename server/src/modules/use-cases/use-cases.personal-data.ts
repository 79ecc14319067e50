import type { PersonalDataExport } from '@p2p/contracts';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.js';
import { iso, isoOrNull } from '../../platform/time.js';
import {
  useCaseLikes,
  useCaseReports,
  useCaseSavedSearches,
  useCaseSaves,
  useCaseSearchLog,
  useCaseVersions,
  useCases,
} from './use-cases.tables.js';

/** The library section of a person's data export: only their own rows (by their id), only the columns it exports. */
export async function useCasePersonalData(db: DbOrTx, userId: string): Promise<PersonalDataExport['useCases']> {
  const [caseRows, versionRows, caseLikeRows, saveRows, savedSearchRows, caseSearchRows, reportRows] = await Promise.all([
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
  ]);
  return {
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
  };
}
