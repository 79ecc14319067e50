import type { ExtraOutcome, UseCaseFilters, UseCaseOutcomes, UseCaseSort, UseCaseSummary } from '@p2p/contracts';
import type { DbOrTx } from '../../platform/db.js';
import type { Actor } from '../../platform/actor.js';
import { findExportRows } from './queries/browse.queries.js';
import { buildConditions, type CaseScope } from './use-cases.filters.js';
import { outcomesOf, toSummary } from './use-cases.presenter.js';
import { type CaseReader, viewerOf } from './use-cases.reader.js';

/** A case as exports carry it: the list row plus every outcome, implementation time, vendors and extra outcomes. */
export interface ExportCase extends UseCaseSummary {
  outcomes: UseCaseOutcomes;
  extraOutcomes: ExtraOutcome[];
  implementationMonths: number | null;
  vendors: string[];
}

/**
 * The cases an export holds: exactly what the same filters list for the reader (the list's own
 * conditions), in the list's order, at most `limit` of them; `truncated` tells when there were more.
 */
export async function findExportCases(
  db: DbOrTx,
  actor: Actor | null,
  query: { filters: Partial<UseCaseFilters>; sort: UseCaseSort; scope: CaseScope },
  limit: number,
): Promise<{ items: ExportCase[]; truncated: boolean; reader: CaseReader }> {
  const reader = viewerOf(actor);
  const conditions = buildConditions(reader, query.filters, query.scope);
  const rows = await findExportRows(db, { conditions, sort: query.sort, scope: query.scope, limit: limit + 1 });
  const items = rows.slice(0, limit).map((row): ExportCase => {
    const summary = toSummary(row);
    return { ...summary, ...outcomesOf(row, summary) };
  });
  return { items, truncated: rows.length > limit, reader };
}
