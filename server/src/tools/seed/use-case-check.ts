import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows, toNumber } from '../../platform/db.js';
import { col, row } from '../../platform/rows.js';
import { DEMO_USE_CASES } from './demo-data/use-cases.js';
import { findCounterMismatches, findTermUsage } from './use-case-upkeep.js';
import { DEMO_USE_CASE_TERMS, findDemoUseCases } from './use-cases.js';

const versionRow = row({ title: col.text, version: col.integer, latest: col.integer });

export interface UseCasesCheck {
  /** Demo cases present. */
  useCases: number;
  /** Demo cases whose likes, saves and views counters equal their rows. */
  exactCounters: number;
  /** Demo vocabulary terms present with uses_count equal to the live cases using them. */
  exactTerms: number;
  problems: string[];
}

/**
 * The demo cases are all there, each with counters equal to its like, bookmark and view rows and a
 * version number matching its version rows; every demo term is in the vocabulary with an exact
 * uses_count.
 */
export async function checkDemoUseCases(db: DbOrTx): Promise<UseCasesCheck> {
  const problems: string[] = [];
  const found = await findDemoUseCases(db);
  const missing = DEMO_USE_CASES.length - new Set(found.map((row) => row.title)).size;
  if (missing > 0) problems.push(`${missing} of ${DEMO_USE_CASES.length} demo use cases are missing`);

  const ids = found.map((row) => row.id);
  const mismatches = await findCounterMismatches(db, ids);
  for (const row of mismatches) {
    problems.push(`use case "${row.title}" counts ${row.stored} likes / saves / views, but has ${row.counted}`);
  }
  if (ids.length > 0) {
    const versions = await queryRows(
      db,
      versionRow,
      sql`select c.title, c.version, coalesce((select max(v.version) from use_case_versions v where v.use_case_id = c.id), 1) as latest
          from use_cases c where c.id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
    );
    for (const row of versions) {
      if (toNumber(row.version) !== toNumber(row.latest))
        problems.push(`use case "${row.title}" is at version ${row.version}, its history at ${row.latest}`);
    }
  }

  let exactTerms = 0;
  for (const term of await findTermUsage(db, DEMO_USE_CASE_TERMS)) {
    if (term.stored === null) problems.push(`the ${term.kind} "${term.name}" is missing from the vocabulary`);
    else if (term.stored !== term.used)
      problems.push(`the ${term.kind} "${term.name}" has uses_count ${term.stored}, but ${term.used} cases use it`);
    else exactTerms += 1;
  }
  return { useCases: found.length, exactCounters: found.length - mismatches.length, exactTerms, problems };
}
