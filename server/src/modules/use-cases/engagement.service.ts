import { type Page, toPage, type UseCase, type UseCaseEngagement, type UseCaseSummary, type UseCaseToggleResult } from '@p2p/contracts';
import { getTableName } from 'drizzle-orm';
import { type Db, toNumber } from '../../platform/db.js';
import { toggle, toggleTurn } from '../../platform/toggle.js';
import { AppError } from '../../platform/errors.js';
import { withTransaction } from '../../platform/transaction.js';
import type { Actor } from '../../platform/actor.js';
import { countSaved, findEngagement, findSavedPage } from './queries/engagement.queries.js';
import { toSummary } from './use-cases.presenter.js';
import { accessOf, getVisibleCaseFacts, loadCase } from './use-cases.repository.js';
import { viewerOf, isCaseOwner, requireSignedIn } from './use-cases.reader.js';
import { useCaseLikes, useCases, useCaseSaves } from './use-cases.tables.js';
import { fileUrlOrNull } from '../../platform/file-url.js';

/**
 * Opens a case for its page. A signed-in reader's view counts when their last counted view of it is
 * more than an hour old, in the statement that reads the case (see casePageSql). Guests' views are
 * not counted.
 */
export async function openUseCase(db: Db, actor: Actor | null, id: string): Promise<UseCase> {
  return loadCase(db, viewerOf(actor), id, { countView: true });
}

const TOGGLES = {
  like: { rows: useCaseLikes, targetKey: useCaseLikes.useCaseId, userKey: useCaseLikes.userId, counter: useCases.likesCount },
  save: { rows: useCaseSaves, targetKey: useCaseSaves.useCaseId, userKey: useCaseSaves.userId, counter: useCases.savesCount },
} as const;

/**
 * Like or save toggles: one person's toggles of one case take turns (a transaction-scoped advisory
 * lock taken with the visibility check), then one statement inserts or deletes the row and moves the
 * counter by exactly the row that changed.
 */
export async function toggleUseCase(db: Db, actor: Actor, id: string, kind: keyof typeof TOGGLES): Promise<UseCaseToggleResult> {
  const table = TOGGLES[kind];
  return withTransaction(db, async (tx) => {
    const reader = viewerOf(actor);
    requireSignedIn(reader);
    const row = await getVisibleCaseFacts(tx, reader, id, { turn: toggleTurn(getTableName(table.rows), id, reader.userId) });
    if (row.status !== 'published' || row.hiddenAt)
      throw new AppError('CONFLICT', `Only published use cases can be ${kind === 'like' ? 'liked' : 'saved'}`);
    return toggle(tx, { ...table, target: useCases, targetId: useCases.id }, id, reader.userId);
  });
}

/** The reader's bookmarks that they may still see, most recently saved first. */
export async function listSavedUseCases(db: Db, actor: Actor, page: number, pageSize: number): Promise<Page<UseCaseSummary>> {
  const reader = viewerOf(actor);
  requireSignedIn(reader);
  const rows = await findSavedPage(db, reader, pageSize, (page - 1) * pageSize);
  const total = rows.length > 0 ? toNumber(rows[0]!.total) : await countSaved(db, reader);
  return toPage(rows.map(toSummary), total, page, pageSize);
}

/**
 * Engagement for the case's owners: views, likes and saves per Riyadh day over the period, the
 * organizations whose people viewed it, and views by hour of day. Four aggregate statements.
 */
export async function getEngagement(db: Db, actor: Actor, id: string, days: number): Promise<UseCaseEngagement> {
  const reader = viewerOf(actor);
  requireSignedIn(reader);
  const row = await getVisibleCaseFacts(db, reader, id);
  if (!isCaseOwner(reader, accessOf(row))) throw new AppError('FORBIDDEN', "Only the use case's owners see its engagement");
  const { daily, organizations, hours, totals } = await findEngagement(db, id, days);
  const byDate = new Map(daily.map((entry) => [entry.date, entry]));
  const today = new Date(`${totals!.today}T00:00:00Z`);
  const series = Array.from({ length: days }, (_, index) => {
    const date = new Date(today.getTime() - (days - 1 - index) * 86_400_000).toISOString().slice(0, 10);
    const entry = byDate.get(date);
    return { date, views: toNumber(entry?.views), likes: toNumber(entry?.likes), saves: toNumber(entry?.saves) };
  });
  const byHour = new Map(hours.map((entry) => [toNumber(entry.hour), toNumber(entry.views)]));
  return {
    days,
    totals: {
      views: series.reduce((sum, entry) => sum + entry.views, 0),
      likes: series.reduce((sum, entry) => sum + entry.likes, 0),
      saves: series.reduce((sum, entry) => sum + entry.saves, 0),
      uniqueViewers: toNumber(totals?.unique_viewers),
    },
    daily: series,
    byOrganization: organizations.map((entry) => ({
      organization: {
        id: entry.id,
        name: entry.name,
        nameAr: entry.name_ar,
        logoUrl: fileUrlOrNull(entry.logo_file_id),
      },
      views: toNumber(entry.views),
    })),
    peakHours: Array.from({ length: 24 }, (_, hour) => ({ hour, views: byHour.get(hour) ?? 0 })),
  };
}
