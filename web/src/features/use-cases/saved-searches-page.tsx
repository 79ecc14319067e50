import type { SavedSearch } from '@p2p/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, EmptyState, Spinner } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { errorMessage } from '../../lib/form-errors.js';
import { ConfirmAction } from '../../components/ui/confirm-action.js';
import { RelativeTime } from '../../components/content/relative-time.js';
import { useLanguage } from '../../lib/use-language.js';
import { type LibraryState, SEARCH_SORTS, type SearchSort, readLibraryState, searchParamsFromStored } from './library-filters.js';
import { SearchResults } from './search-results.js';
import { categoryLabel, industryLabel, placeLabel, regionLabel } from './use-case-labels.js';
import { useDeleteSavedSearch, useExecuteSavedSearch, useSavedSearches } from './use-cases-api.js';
import './library.css';

/** The filters of a saved search in words ("Maintenance · Eastern Province · verified only"). */
function FilterSummary({ state }: { state: LibraryState<SearchSort> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const parts = [
    ...state.category.map((value) => categoryLabel(value, language)),
    ...state.industry.map((value) => industryLabel(value, language)),
    ...state.technology,
    ...state.region.map((value) => regionLabel(value, language)),
    ...state.city.map((value) => placeLabel(value, language)),
    ...state.year,
    ...(state.verified ? [t('useCases.facets.verifiedOnly')] : []),
    ...(state.featured ? [t('useCases.facets.featuredOnly')] : []),
    ...(state.roiMin ? [t('useCases.savedSearches.roiFrom', { value: state.roiMin })] : []),
    ...(state.roiMax ? [t('useCases.savedSearches.roiTo', { value: state.roiMax })] : []),
  ];
  return (
    <p className="muted saved-search__filters">
      {t('useCases.savedSearches.sortedBy', { sort: t(`useCases.sorts.${state.sort}`) })}
      {parts.length > 0 ? ` · ${parts.join(' · ')}` : ''}
    </p>
  );
}

function SavedSearchRow({ saved, running, onRun }: { saved: SavedSearch; running: boolean; onRun: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteSavedSearch();
  // Stored filters are read back through the search page's own URL parsing, so both show the same thing.
  const params = searchParamsFromStored(saved.search.q, saved.search.filters ?? {}, saved.search.sort);
  const state = readLibraryState(params, SEARCH_SORTS);
  const searchLink = `/use-cases/search?${params.toString()}`;
  return (
    <li className="saved-search">
      <div className="saved-search__main">
        <h3 className="saved-search__name">
          <bdi>{saved.name}</bdi>
        </h3>
        <p className="saved-search__query">
          {t('useCases.savedSearches.query')} <bdi>{saved.search.q}</bdi>
        </p>
        <FilterSummary state={state} />
        <p className="muted saved-search__dates">
          {saved.lastRunAt ? (
            <>
              {t('useCases.savedSearches.lastRun')} <RelativeTime value={saved.lastRunAt} />
            </>
          ) : (
            t('useCases.savedSearches.neverRun')
          )}
        </p>
      </div>
      <div className="actions">
        <button type="button" className="button button--small button--primary" aria-pressed={running} onClick={onRun}>
          {t('useCases.savedSearches.run')}
          <span className="visually-hidden">
            {' '}
            <bdi>{saved.name}</bdi>
          </span>
        </button>
        <Link className="button button--small" to={searchLink}>
          {t('useCases.savedSearches.open')}
        </Link>
        <ConfirmAction
          label={t('useCases.savedSearches.delete')}
          question={t('useCases.savedSearches.deleteQuestion', { name: saved.name })}
          confirmLabel={t('useCases.savedSearches.deleteYes')}
          pending={remove.isPending}
          onConfirm={() => remove.mutate(saved.id)}
        />
      </div>
      {remove.isError ? <Alert tone="error">{errorMessage(t, remove.error)}</Alert> : null}
    </li>
  );
}

/** /use-cases/saved-searches: the reader's saved searches; run one here, open it in search, or delete it. */
export function SavedSearchesPage() {
  const { t } = useTranslation();
  const saved = useSavedSearches();
  const [runId, setRunId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const running = saved.data?.items.find((entry) => entry.id === runId) ?? null;
  const results = useExecuteSavedSearch(running ? running.id : null, page);

  return (
    <div className="stack">
      <nav aria-label={t('useCases.breadcrumb')} className="breadcrumb">
        <Link to="/use-cases">{t('useCases.library.title')}</Link>
      </nav>
      <PageTitle>{t('useCases.savedSearches.title')}</PageTitle>
      <section className="card" aria-labelledby="saved-searches-heading">
        <h2 id="saved-searches-heading" className="visually-hidden">
          {t('useCases.savedSearches.title')}
        </h2>
        {saved.isPending ? <Spinner /> : null}
        {saved.isError ? <Alert tone="error">{errorMessage(t, saved.error)}</Alert> : null}
        {saved.data && saved.data.items.length === 0 ? (
          <EmptyState title={t('useCases.savedSearches.emptyTitle')}>
            {t('useCases.savedSearches.empty')} <Link to="/use-cases/search">{t('useCases.nav.search')}</Link>
          </EmptyState>
        ) : null}
        {saved.data && saved.data.items.length > 0 ? (
          <ul className="saved-searches">
            {saved.data.items.map((entry) => (
              <SavedSearchRow
                key={entry.id}
                saved={entry}
                running={entry.id === runId}
                onRun={() => {
                  setRunId(entry.id);
                  setPage(1);
                }}
              />
            ))}
          </ul>
        ) : null}
      </section>
      {running ? (
        <section className="card" aria-labelledby="saved-results-heading" aria-busy={results.isFetching}>
          <h2 id="saved-results-heading">{t('useCases.savedSearches.resultsFor', { name: running.name })}</h2>
          {results.isPending ? <Spinner /> : null}
          {results.isError ? <Alert tone="error">{errorMessage(t, results.error)}</Alert> : null}
          {results.data ? <SearchResults result={results.data} onPage={setPage} /> : null}
        </section>
      ) : null}
    </div>
  );
}
