import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert, EmptyState, Spinner } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { Pagination } from '../../components/ui/pagination.js';
import { errorMessage } from '../../lib/form-errors.js';
import { useMe } from '../../lib/session.js';
import { useLanguage } from '../../lib/use-language.js';
import { ExportMenu } from './export-menu.js';
import { FacetPanel } from './facet-panel.js';
import {
  LIBRARY_SORTS,
  type LibrarySort,
  type LibraryState,
  clearFilters,
  hasActiveFilters,
  readLibraryState,
  writeLibraryState,
} from './library-filters.js';
import { LibraryOverview } from './library-overview.js';
import { LibrarySearchBox } from './library-search-box.js';
import { SaudiMap } from './saudi-map.js';
import { CaseCardList } from './use-case-card.js';
import { useUseCaseList } from './use-cases-api.js';
import './library.css';
import { formatNumber } from '../../lib/format.js';

const DEFAULT_SORT: LibrarySort = 'newest';

/** Links to the library's other pages; saved searches and bookmarked cases need an account. */
export function LibraryNav({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <nav className="library-nav" aria-label={t('useCases.nav.label')}>
      <ul>
        <li>
          <Link to="/use-cases/search">{t('useCases.nav.search')}</Link>
        </li>
        <li>
          <Link to="/use-cases/location">{t('useCases.nav.location')}</Link>
        </li>
        {signedIn ? (
          <>
            <li>
              <Link to="/use-cases/saved-searches">{t('useCases.nav.savedSearches')}</Link>
            </li>
            <li>
              <Link to="/use-cases/saved">{t('useCases.nav.savedCases')}</Link>
            </li>
          </>
        ) : null}
      </ul>
    </nav>
  );
}

function Toolbar({
  state,
  signedIn,
  onChange,
}: {
  state: LibraryState<LibrarySort>;
  signedIn: boolean;
  onChange: (next: LibraryState<LibrarySort>) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="library-toolbar">
      {signedIn ? (
        <div className="segmented" role="group" aria-label={t('useCases.browse.scope')}>
          {(['all', 'mine'] as const).map((scope) => (
            <button
              key={scope}
              type="button"
              className="segmented__button"
              aria-pressed={state.scope === scope}
              onClick={() => onChange({ ...state, scope, page: 1 })}
            >
              {t(`useCases.browse.scopes.${scope}`)}
            </button>
          ))}
        </div>
      ) : null}
      <div className="segmented" role="group" aria-label={t('useCases.browse.view')}>
        {(['list', 'map'] as const).map((view) => (
          <button
            key={view}
            type="button"
            className="segmented__button"
            aria-pressed={state.view === view}
            onClick={() => onChange({ ...state, view, page: 1 })}
          >
            {t(`useCases.browse.views.${view}`)}
          </button>
        ))}
      </div>
      <div className="field field--inline">
        <label htmlFor="library-sort">{t('useCases.browse.sort')}</label>
        <select
          id="library-sort"
          value={state.sort}
          onChange={(event) => onChange({ ...state, sort: event.target.value as LibrarySort, page: 1 })}
        >
          {LIBRARY_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`useCases.sorts.${sort}`)}
            </option>
          ))}
        </select>
      </div>
      <ExportMenu state={state} />
    </div>
  );
}

function Results({
  state,
  signedIn,
  onChange,
}: {
  state: LibraryState<LibrarySort>;
  signedIn: boolean;
  onChange: (next: LibraryState<LibrarySort>) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const isMap = state.view === 'map';
  const list = useUseCaseList(state, { map: isMap });
  const filtered = hasActiveFilters(state);
  const clusterHref = (cities: string[]) =>
    `/use-cases?${writeLibraryState({ ...state, city: cities, view: 'list', page: 1 }, DEFAULT_SORT).toString()}`;

  return (
    <section className="card" aria-labelledby="browse-heading" aria-busy={list.isFetching}>
      <div className="browse-head">
        <h2 id="browse-heading">{state.scope === 'mine' ? t('useCases.browse.mineTitle') : t('useCases.browse.title')}</h2>
        <p className="muted" role="status">
          {list.data ? t('useCases.browse.count', { count: formatNumber(list.data.total, language) }) : ''}
        </p>
      </div>
      <Toolbar state={state} signedIn={signedIn} onChange={onChange} />
      <div className="library-layout">
        <FacetPanel facets={list.data?.facets} state={state} onChange={onChange} />
        <div className="library-results">
          {list.isPending ? <Spinner /> : null}
          {list.isError ? <Alert tone="error">{errorMessage(t, list.error)}</Alert> : null}
          {list.data && list.data.items.length === 0 ? (
            <EmptyState title={filtered ? t('useCases.browse.noMatchesTitle') : t('useCases.browse.emptyTitle')}>
              {filtered
                ? t('useCases.browse.noMatches')
                : state.scope === 'mine'
                  ? t('useCases.browse.emptyMine')
                  : t('useCases.browse.empty')}
            </EmptyState>
          ) : null}
          {list.data && list.data.items.length === 0 && filtered ? (
            <button type="button" className="button" onClick={() => onChange(clearFilters(state))}>
              {t('useCases.facets.clear')}
            </button>
          ) : null}
          {list.data && list.data.items.length > 0 && isMap ? (
            <SaudiMap cases={list.data.items} total={list.data.total} clusterHref={clusterHref} />
          ) : null}
          {list.data && list.data.items.length > 0 && !isMap ? (
            <>
              <CaseCardList items={list.data.items} start={(list.data.page - 1) * list.data.pageSize + 1} />
              <Pagination page={list.data.page} totalPages={list.data.totalPages} onPage={(page) => onChange({ ...state, page })} />
            </>
          ) : null}
        </div>
      </div>
    </section>
  );
}

/** /use-cases: search with suggestions, featured, trending, category statistics and the browse list or map. */
export function LibraryPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const signedIn = Boolean(me);
  const [params, setParams] = useSearchParams();
  const state = readLibraryState(params, LIBRARY_SORTS);
  // A guest's "mine" link (from a shared URL) shows everything instead of an error.
  const effective: LibraryState<LibrarySort> = signedIn ? state : { ...state, scope: 'all' };
  const go = (next: LibraryState<LibrarySort>) => setParams(writeLibraryState(next, DEFAULT_SORT));

  return (
    <div className="stack">
      <div className="page-head">
        <PageTitle>{t('useCases.library.title')}</PageTitle>
        {signedIn ? (
          <Link className="button button--primary" to="/use-cases/new">
            {t('useCases.library.write')}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t('useCases.library.intro')}</p>
      <LibraryNav signedIn={signedIn} />
      <div className="card">
        <LibrarySearchBox
          key={effective.q}
          initialValue={effective.q}
          onSearch={(q) => go({ ...effective, q, page: 1 })}
          onTechnology={(technology) =>
            go({
              ...effective,
              technology: effective.technology.includes(technology) ? effective.technology : [...effective.technology, technology],
              page: 1,
            })
          }
        />
      </div>
      {hasActiveFilters(effective) || effective.scope === 'mine' ? null : <LibraryOverview />}
      <Results state={effective} signedIn={signedIn} onChange={go} />
    </div>
  );
}
