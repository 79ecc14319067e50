import { Readable } from 'node:stream';
import type { UseCase } from '@p2p/contracts';
import { type ExportSourceCase, jsonItem } from './export-fields.js';
import type { ListExportMeta, SingleExportMeta } from './export-meta.js';

export const JSON_MIME = 'application/json; charset=utf-8';
const ITEMS_PER_CHUNK = 200;

function* jsonChunks(meta: ListExportMeta, cases: Iterable<ExportSourceCase>, baseUrl: string): Generator<string> {
  let chunk = `{"meta":${JSON.stringify(meta)},"items":[`;
  let count = 0;
  for (const source of cases) {
    chunk += (count > 0 ? ',\n' : '\n') + JSON.stringify(jsonItem(source, meta.fields, baseUrl));
    count += 1;
    if (count % ITEMS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}\n]}\n`;
}

/** The list export as `{ meta, items }`, written item by item instead of as one big string. */
export function renderJsonList(meta: ListExportMeta, cases: Iterable<ExportSourceCase>, baseUrl: string): Readable {
  return Readable.from(jsonChunks(meta, cases, baseUrl), { objectMode: false });
}

/** The case as its page shows it, without what belongs to the reader (liked, saved, permissions) or the rendered HTML. */
export type SingleExportItem = Omit<
  UseCase,
  'likedByMe' | 'savedByMe' | 'reportedByMe' | 'can' | 'challengeHtml' | 'solutionHtml' | 'resultsHtml'
> & {
  url: string;
};

export function singleExportItem(useCase: UseCase, url: string): SingleExportItem {
  const {
    likedByMe: _liked,
    savedByMe: _saved,
    reportedByMe: _reported,
    can: _can,
    challengeHtml: _c,
    solutionHtml: _s,
    resultsHtml: _r,
    ...rest
  } = useCase;
  return { ...rest, url };
}

/** One case as `{ meta, item }`. */
export function renderJsonSingle(meta: SingleExportMeta, useCase: UseCase): string {
  return `${JSON.stringify({ meta, item: singleExportItem(useCase, meta.url) }, null, 2)}\n`;
}
