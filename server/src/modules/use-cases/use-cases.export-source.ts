import type { ExtraOutcome, UseCaseFilters, UseCaseOutcomes, UseCaseSort, UseCaseSummary } from '@p2p/contracts';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../platform/db.js';
import { type Actor } from '../../platform/actor.js';
import { orderOf } from './browse.service.js';
import { buildConditions, type CaseScope, whereAll } from './use-cases.filters.js';
import { OUTCOME_COLUMNS, outcomesOf, SUMMARY_COLUMNS, SUMMARY_JOINS, toSummary } from './use-cases.presenter.js';
import { type CaseReader, getCaseReader } from './use-cases.reader.js';

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
  const reader = getCaseReader(actor);
  const conditions = buildConditions(reader, query.filters, query.scope);
  const rows = await queryRows(
    db,
    sql`select ${SUMMARY_COLUMNS}, ${OUTCOME_COLUMNS}
        from use_cases uc ${SUMMARY_JOINS}
        where ${whereAll(conditions)}
        order by ${orderOf(query.sort, query.scope)} limit ${limit + 1}`,
  );
  const items = rows.slice(0, limit).map((row): ExportCase => {
    const summary = toSummary(row);
    return { ...summary, ...outcomesOf(row, summary) };
  });
  return { items, truncated: rows.length > limit, reader };
}
