import type { AdvancedSearchBody } from '@p2p/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert, EmptyState, Spinner } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { errorMessage } from '../../lib/form-errors.js';
import { useMe } from '../../lib/session.js';
import { ExportMenu } from './export-menu.js';
import { FacetPanel } from './facet-panel.js';
import { type LibraryState, SEARCH_SORTS, type SearchSort, bodyFilters, readLibraryState, writeLibraryState } from './library-filters.js';
import { LibrarySearchBox } from './library-search-box.js';
import { SearchResults } from './search-results.js';
import { SaveSearchForm, SearchHistoryPanel } from './search-side.js';
import { LIBRARY_PAGE_SIZE, useAdvancedSearch } from './use-cases-api.js';
import './library.css';

const DEFAULT_SORT: SearchSort = 'relevance';

/** The body of POST /use-cases/search/advanced for the page's URL state (null: nothing to search yet). */
export function searchBody(state: LibraryState<SearchSort>): AdvancedSearchBody | null {
  const q = state.q.trim();
  if (!q) return null;
  const filters = bodyFilters(state);
  return { q, ...(Object.keys(filters).length > 0 ? { filters } : {}), sort: state.sort, page: state.page, pageSize: LIBRARY_PAGE_SIZE };
}

/** /use-cases/search: full-text search with highlights, facets, sort, saving and history. */
export function SearchPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const state = readLibraryState(params, SEARCH_SORTS);
  const body = searchBody(state);
  const results = useAdvancedSearch(body);
  const go = (next: LibraryState<SearchSort>) => setParams(writeLibraryState({ ...next, scope: 'all', view: 'list' }, DEFAULT_SORT));

  return (
    <div className="stack">
      <nav aria-label={t('useCases.breadcrumb')} className="breadcrumb">
        <Link to="/use-cases">{t('useCases.library.title')}</Link>
      </nav>
      <PageTitle>{body ? t('useCases.search.titleFor', { q: body.q }) : t('useCases.search.title')}</PageTitle>
      <div className="card">
        <LibrarySearchBox
          key={state.q}
          initialValue={state.q}
          onSearch={(q) => go({ ...state, q, page: 1 })}
          label={t('useCases.search.pageLabel')}
        >
          <div className="field field--inline">
            <label htmlFor="search-sort">{t('useCases.browse.sort')}</label>
            <select
              id="search-sort"
              value={state.sort}
              onChange={(event) => go({ ...state, sort: event.target.value as SearchSort, page: 1 })}
            >
              {SEARCH_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`useCases.sorts.${sort}`)}
                </option>
              ))}
            </select>
          </div>
        </LibrarySearchBox>
      </div>
      <div className="library-layout">
        <FacetPanel facets={results.data?.facets} state={state} onChange={go} />
        <div className="stack">
          <section className="card" aria-labelledby="search-results-heading" aria-busy={results.isFetching}>
            <div className="browse-head">
              <h2 id="search-results-heading">{t('useCases.search.results')}</h2>
              {body ? <ExportMenu state={state} /> : null}
            </div>
            {!body ? <EmptyState>{t('useCases.search.prompt')}</EmptyState> : null}
            {body && results.isPending ? <Spinner /> : null}
            {results.isError ? <Alert tone="error">{errorMessage(t, results.error)}</Alert> : null}
            {body && results.data ? <SearchResults result={results.data} onPage={(page) => go({ ...state, page })} /> : null}
          </section>
          {me && body ? <SaveSearchForm key={body.q} state={state} /> : null}
          {me ? <SearchHistoryPanel /> : null}
        </div>
      </div>
    </div>
  );
}
