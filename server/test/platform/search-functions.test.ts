import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, execute, queryRows } from '../../src/platform/db.js';
import { col, row } from '../../src/platform/rows.js';
import { openTestDatabase } from '../helpers/database.js';

// The search functions of migration 0004 (p2p_fold_arabic, p2p_search_vector, p2p_search_query and the
// p2p_bilingual configuration), run on whichever engine the suite uses. Both engines were checked to
// give identical lexemes for the built-in `arabic` and `english` configurations (PGlite 0.5 =
// PostgreSQL 18, server = PostgreSQL 15).

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await execute(database.db, sql`create table search_doc (id int primary key, title text, body text)`);
  await execute(
    database.db,
    sql`insert into search_doc (id, title, body) values
      (1, 'أحمد', null),
      (2, 'احمد', null),
      (3, 'إحمد', null),
      (4, 'مدرسة', null),
      (5, 'مدرسه', null),
      (6, 'مستشفى', null),
      (7, 'مستشفي', null),
      (8, 'مُهَنْدِس', null),
      (9, 'مهندس', null),
      (10, 'مهنـــدس', null),
      (11, null, 'حضر المهندسين الاجتماع'),
      (12, 'Maintaining the line', null),
      (13, 'Scheduled maintenance', null),
      (14, 'Two pumps', null),
      (15, 'One pump', null),
      (16, 'صيانة PLC predictive maintenance', null),
      (17, 'صيانة المضخات', null),
      (18, 'صيانة المحركات', null),
      (19, 'تنظيف المضخات', null),
      (20, 'pump alignment', null),
      (21, 'pump maintenance', null),
      (22, null, 'الصيانة الدورية للمعدات مع pump'),
      (23, 'نظام التبريد', 'شرح مفصل'),
      (24, 'شرح مفصل', 'نظام التبريد'),
      (25, 'المهندس يفحص pump', null),
      (26, 'المستشفى', null)`,
  );
});
afterAll(() => database.close());

async function find(q: string, ids?: number[]): Promise<number[]> {
  const rows = await queryRows(
    database.db,
    row({ id: col.integer }),
    sql`select id from search_doc
        where p2p_search_vector(title, body) @@ p2p_search_query(${q})
          ${ids ? sql`and id = any(${`{${ids.join(',')}}`}::int[])` : sql``}
        order by id`,
  );
  return rows.map((found) => found.id);
}

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const [found] = await queryRows(database.db, row({ value: col.jsonOrNull<T>() }), query);
  return found!.value as T;
}

describe('p2p_fold_arabic', () => {
  it('folds alef variants, taa marbuta, alef maqsura, hamza seats; drops harakat, superscript alef and tatweel; leaves Latin alone', async () => {
    expect(await one(sql`select p2p_fold_arabic('أإآٱ ة ى ؤ ئ') as value`)).toBe('اااا ة ي و ي');
    expect(await one(sql`select p2p_fold_arabic('مُهَنْدِسٌ هٰذا مهنـــدس') as value`)).toBe('مهندس هذا مهندس');
    expect(await one(sql`select p2p_fold_arabic('Predictive MAINTENANCE, café 42') as value`)).toBe('Predictive MAINTENANCE, café 42');
    expect(await one(sql`select p2p_fold_arabic(null) as value`)).toBeNull();
  });

  it('is immutable and parallel safe, as are the vector and query functions', async () => {
    const rows = await queryRows(
      database.db,
      row({ proname: col.text, provolatile: col.text, proparallel: col.text }),
      sql`select proname, provolatile, proparallel from pg_proc where proname like 'p2p\_%' order by proname`,
    );
    expect(rows).toEqual([
      { proname: 'p2p_fold_arabic', provolatile: 'i', proparallel: 's' },
      { proname: 'p2p_search_query', provolatile: 'i', proparallel: 's' },
      { proname: 'p2p_search_vector', provolatile: 'i', proparallel: 's' },
      { proname: 'p2p_use_case_vector', provolatile: 'i', proparallel: 's' },
    ]);
    // Usable in a generated column and an expression index.
    await execute(
      database.db,
      sql`create table search_generated (title text, body text, search tsvector generated always as (p2p_search_vector(title, body)) stored)`,
    );
    await execute(database.db, sql`create index on search_doc using gin (p2p_search_vector(title, body))`);
    await execute(database.db, sql`insert into search_generated (title, body) values ('مُهَنْدِس', 'pumps')`);
    expect(await one(sql`select search::text as value from search_generated`)).toBe("'pump':4B 'pumps':3B 'مهندس':1A,2A");
  });
});

describe('p2p_search_query', () => {
  it('is the bilingual parse (Arabic words by their Arabic stem, ASCII words by their English stem) unless that is empty', async () => {
    expect(await one(sql`select p2p_search_query('pump')::text as value`)).toBe("'pump'");
    expect(await one(sql`select p2p_search_query('pumps')::text as value`)).toBe("'pump'");
    expect(await one(sql`select p2p_search_query('صيانة pumps')::text as value`)).toBe("'صيان' & 'pump'");
    expect(await one(sql`select p2p_search_query('the')::text as value`)).toBe("'the'");
    expect(await one(sql`select p2p_search_query('')::text as value`)).toBe('');
  });
});

describe('bilingual search', () => {
  it('matches alef variants of أحمد / احمد / إحمد with each other', async () => {
    for (const q of ['أحمد', 'احمد', 'إحمد']) expect(await find(q), q).toEqual([1, 2, 3]);
  });

  it('folds a word-final haa to taa marbuta, so the stemmer strips it: الصيانه الدوريه finds الصيانة الدورية', async () => {
    expect(await one(sql`select p2p_fold_arabic('الصيانه الدوريه، المضخه.') as value`)).toBe('الصيانة الدورية، المضخة.');
    expect(await find('الصيانه الدوريه')).toEqual([22]);
  });

  it('matches taa marbuta and haa: مدرسة ↔ مدرسه', async () => {
    expect(await find('مدرسة')).toEqual([4, 5]);
    expect(await find('مدرسه')).toEqual([4, 5]);
  });

  it('matches alef maqsura and yaa: مستشفى ↔ مستشفي (the stemmer alone does not conflate them)', async () => {
    expect(await one(sql`select to_tsvector('arabic', 'مستشفى') @@ to_tsquery('arabic', 'مستشفي') as value`)).toBe(false);
    expect(await find('مستشفى')).toEqual([6, 7, 26]);
    expect(await find('مستشفي')).toEqual([6, 7, 26]);
    // Without the fold, المستشفي would not find المستشفى (arabic stems them to مستشفي and مستشف).
    expect(await find('المستشفي')).toEqual([6, 7, 26]);
  });

  it('ignores diacritics and tatweel on both sides', async () => {
    expect(await find('مهندس', [8, 9, 10])).toEqual([8, 9, 10]);
    expect(await find('مُهَنْدِس', [8, 9, 10])).toEqual([8, 9, 10]);
    expect(await find('مهنـــدس', [8, 9, 10])).toEqual([8, 9, 10]);
  });

  it('stems Arabic: المهندسين is found by مهندس, and the other way round', async () => {
    // Verified: arabic snowball gives مهندس for المهندسين, المهندسون, مهندسة and مهندس.
    expect(await find('مهندس')).toEqual([8, 9, 10, 11, 25]);
    expect(await find('المهندسون')).toEqual([8, 9, 10, 11, 25]);
  });

  it('stems English: pumps ↔ pump; maintaining and maintenance stay apart (maintain ≠ mainten)', async () => {
    expect(await find('pump', [14, 15])).toEqual([14, 15]);
    expect(await find('pumps', [14, 15])).toEqual([14, 15]);
    expect(await find('maintaining', [12, 13])).toEqual([12]);
    expect(await find('maintenance', [12, 13])).toEqual([13]);
  });

  it('finds mixed Arabic/English text by an Arabic query and by an English one', async () => {
    expect(await find('الصيانة', [16, 20])).toEqual([16]);
    expect(await find('maintenance', [16, 20])).toEqual([16]);
    expect(await find('plc', [16, 20])).toEqual([16]);
  });

  it('requires every word of a two-word query, in either language', async () => {
    expect(await find('صيانة المضخات', [17, 18, 19])).toEqual([17]);
    expect(await find('pump maintenance', [20, 21])).toEqual([21]);
    expect(await find('maintained PLC', [16, 20])).toEqual([]);
    // A query mixing the languages, each word needing its own stemmer: the arabic parse keeps 'pumps'
    // and the english parse keeps 'المهندسين', so neither alone matches; the p2p_bilingual branch does.
    const twoConfigs = sql`websearch_to_tsquery('arabic', p2p_fold_arabic('المهندسين pumps')) || websearch_to_tsquery('english', p2p_fold_arabic('المهندسين pumps'))`;
    expect(await one(sql`select p2p_search_vector('المهندس يفحص pump', null) @@ (${twoConfigs}) as value`)).toBe(false);
    expect(await find('المهندسين pumps')).toEqual([25]);
    expect(await find('صيانة pumps', [17, 20, 21, 22])).toEqual([22]);
  });

  it('ranks a title match above a body match with ts_rank_cd', async () => {
    const rows = await queryRows(
      database.db,
      row({ id: col.integer }),
      sql`select id from search_doc where id in (23, 24) and p2p_search_vector(title, body) @@ p2p_search_query('التبريد')
          order by ts_rank_cd(p2p_search_vector(title, body), p2p_search_query('التبريد')) desc`,
    );
    expect(rows.map((found) => found.id)).toEqual([23, 24]);
  });
});

// Highlights. ts_headline parses the document with ONE configuration and marks the tokens whose
// lexemes are in the query. The query is built from folded text, so the document must be normalised
// "the same way" for its lexemes to line up:
// - Run it on the ORIGINAL text with p2p_bilingual: the snowball arabic stemmer itself normalises
//   alef variants, harakat and tatweel, and ASCII words are english-stemmed, so the original words
//   (with their diacritics) come back highlighted — this is the recommended call.
// - With `english` (or `simple`) on the original, Arabic words with diacritics or alef variants are not
//   highlighted: those configurations do not normalise Arabic.
// - Running it on p2p_fold_arabic(text) highlights everything the search matched, but returns the
//   folded text (أ shown as ا, diacritics gone). To show the original one would map positions back:
//   the fold is letter-for-letter except for the removed marks (U+064B–U+065F, U+0670, U+0640).
describe('ts_headline on the original text', () => {
  async function headline(config: string, text: string, q: string): Promise<string> {
    return one(sql`select ts_headline(${config}::regconfig, ${text}, p2p_search_query(${q}), 'StartSel=[, StopSel=]') as value`);
  }

  it('highlights the original Arabic words with p2p_bilingual', async () => {
    expect(await headline('p2p_bilingual', 'قال مُهَنْدِس أحمد إن المهنـــدسين حضروا', 'مهندس احمد')).toBe(
      'قال [مُهَنْدِس] [أحمد] إن [المهنـــدسين] حضروا',
    );
  });

  it('highlights both languages of mixed text with p2p_bilingual, English by its stem', async () => {
    expect(await headline('p2p_bilingual', 'صيانة المضخات and maintaining pumps', 'مضخة pump')).toBe(
      'صيانة [المضخات] and maintaining [pumps]',
    );
  });

  it('does not highlight Arabic with diacritics or alef variants when run with english on the original', async () => {
    expect(await headline('english', 'مُهَنْدِس أحمد', 'مهندس احمد')).toBe('مُهَنْدِس أحمد');
  });

  it('highlights on the folded text, which is no longer the original', async () => {
    // A word ending in alef maqsura is found (the stored text is folded too) but not highlighted in the
    // original: folded, its final ي reads to the stemmer as a suffix (مستشف), unfolded it does not (مستشفي).
    expect(await headline('p2p_bilingual', 'مُهَنْدِس أحمد في المستشفى', 'مهندس احمد مستشفي')).toBe('[مُهَنْدِس] [أحمد] في المستشفى');
    expect(
      await one(
        sql`select ts_headline('p2p_bilingual', p2p_fold_arabic('مُهَنْدِس أحمد'), p2p_search_query('مهندس'), 'StartSel=[, StopSel=]') as value`,
      ),
    ).toBe('[مهندس] احمد');
  });
});
