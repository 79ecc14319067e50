import type { UseCaseFile } from '@p2p/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, execute, queryRows, toNumber } from '../../../platform/db.js';
import { col, row, type RowOf } from '../../../platform/rows.js';
import { liveFileJoin, liveFileJson } from '../../files/index.js';
import { authorColumns, authorJoin } from '../../people/index.js';
import { type CaseReader, listedCase } from '../use-cases.reader.js';
import { authorRow, countRow, OUTCOME_COLUMNS, outcomeRow, SUMMARY_COLUMNS, summaryRow } from './case-rows.js';

const filesOf = (kind: 'image' | 'attachment') => sql`coalesce((
    select json_agg(${liveFileJson('f')} order by ucf.position)
    from use_case_files ucf ${liveFileJoin(sql`ucf.file_id`, 'f')}
    where ucf.use_case_id = uc.id and ucf.kind = ${kind}), '[]'::json)`;

/**
 * Counts a signed-in reader's view of a listed case when their last counted view is more than an hour
 * old: the per-person marker (an upsert that only moves an hour-old time), the view log row (engagement
 * charts, trending) and the counter, as CTEs of the statement that reads the case. `counted` holds
 * the new count when the view counted.
 */
function viewCounter(reader: CaseReader, id: string) {
  return sql`with viewed as (
      insert into use_case_viewers (use_case_id, user_id, viewed_at)
      select ${id}, ${reader.userId}, now() where exists (select 1 from use_cases uc where uc.id = ${id} and ${listedCase(reader)})
      on conflict (use_case_id, user_id) do update set viewed_at = excluded.viewed_at
        where use_case_viewers.viewed_at <= now() - interval '1 hour'
      returning 1),
    logged as (
      insert into use_case_views (use_case_id, user_id, organization_id)
      select ${id}, ${reader.userId}, ${reader.organizationId} where exists (select 1 from viewed) returning 1),
    counted as (
      update use_cases set views_count = views_count + 1 where id = ${id} and exists (select 1 from viewed) returning views_count)`;
}

/** A file of a case as the page's JSON answers it (sizeBytes a bigint: a string or a number). */
export type CaseFileJson = Omit<UseCaseFile, 'url' | 'sizeBytes'> & { sizeBytes: number | string };

/** The case page's row: the list row, the long text, outcomes, company card, author, files and the reader's own marks. */
export const casePageRow = row({
  ...authorRow,
  ...summaryRow,
  ...outcomeRow,
  author_id: col.text,
  deleted: col.boolean,
  challenge: col.text,
  solution: col.text,
  results: col.text,
  challenge_html: col.text,
  solution_html: col.text,
  results_html: col.text,
  version: col.integer,
  o_industry: col.textOrNull,
  o_city: col.textOrNull,
  o_region: col.textOrNull,
  o_size: col.textOrNull,
  o_public_count: col.bigint,
  liked: col.boolean,
  saved: col.boolean,
  reported: col.boolean,
  images: col.json<CaseFileJson[] | string>(),
  attachments: col.json<CaseFileJson[] | string>(),
  counted_views: col.integerOrNull,
});
export type CasePageRow = RowOf<typeof casePageRow>;

/**
 * The whole case for its page, in one statement: the case, its company card, author, files and the
 * reader's own like, save and open report; with `countView`, a signed-in reader's view is counted in
 * the same statement (see viewCounter). No visibility check: the caller decides from the row.
 */
export function casePageSql(reader: CaseReader, id: string, { countView = false } = {}): SQL {
  const me = reader.userId;
  const counting = countView && me !== null;
  return sql`${counting ? viewCounter(reader, id) : sql``}
      select ${SUMMARY_COLUMNS}, uc.author_id, uc.deleted_at is not null as deleted,
        uc.challenge, uc.solution, uc.results, uc.challenge_html, uc.solution_html, uc.results_html,
        ${OUTCOME_COLUMNS}, uc.version,
        o.industry as o_industry, o.city as o_city, o.region as o_region, o.size as o_size,
        (select count(*) from use_cases p where p.organization_id = uc.organization_id and p.status = 'published'
           and p.visibility = 'public' and p.deleted_at is null and p.hidden_at is null) as o_public_count,
        ${authorColumns('u', 'o')},
        ${me ? sql`exists (select 1 from use_case_likes l where l.use_case_id = uc.id and l.user_id = ${me})` : sql`false`} as liked,
        ${me ? sql`exists (select 1 from use_case_saves s where s.use_case_id = uc.id and s.user_id = ${me})` : sql`false`} as saved,
        ${me ? sql`exists (select 1 from use_case_reports r where r.use_case_id = uc.id and r.reporter_id = ${me} and r.status = 'open')` : sql`false`} as reported,
        ${filesOf('image')} as images, ${filesOf('attachment')} as attachments,
        ${counting ? sql`(select views_count from counted)` : sql`null::int`} as counted_views
      from use_cases uc ${authorJoin(sql`uc.author_id`, sql`uc.organization_id`, { userAlias: 'u', organizationAlias: 'o', left: true })}
      where uc.id = ${id}`;
}

/** The case page's row (see casePageSql); the views count is the counted one when the view counted. */
export async function findCasePage(
  db: DbOrTx,
  reader: CaseReader,
  id: string,
  options: { countView?: boolean } = {},
): Promise<CasePageRow | null> {
  const [found] = await queryRows(db, casePageRow, casePageSql(reader, id, options));
  if (!found) return null;
  // The statement read the row as it was before its own counter update.
  return found.counted_views === null ? found : { ...found, views_count: found.counted_views };
}

const caseAccessRow = row({
  organization_id: col.text,
  author_id: col.text,
  visibility: col.text,
  status: col.text,
  hidden: col.boolean,
  deleted: col.boolean,
});
export type CaseAccessSqlRow = RowOf<typeof caseAccessRow>;

/** Who may see the cases a stored file is linked to (images and attachments): one row per linking case. */
export function findFileCases(db: DbOrTx, fileId: string): Promise<CaseAccessSqlRow[]> {
  return queryRows(
    db,
    caseAccessRow,
    sql`select uc.organization_id, uc.author_id, uc.visibility, uc.status, uc.hidden_at is not null as hidden, uc.deleted_at is not null as deleted
        from use_case_files f join use_cases uc on uc.id = f.use_case_id where f.file_id = ${fileId}`,
  );
}

/** The organization's live cases (drafts included). */
export async function countLiveCases(db: DbOrTx, organizationId: string): Promise<number> {
  const [found] = await queryRows(
    db,
    countRow,
    sql`select count(*) as n from use_cases where organization_id = ${organizationId} and deleted_at is null`,
  );
  return toNumber(found?.n);
}

/** A moderator's hide: the first hiding time stays. */
export async function hideCase(db: DbOrTx, id: string): Promise<void> {
  await execute(db, sql`update use_cases set hidden_at = coalesce(hidden_at, now()), updated_at = now() where id = ${id}`);
}
