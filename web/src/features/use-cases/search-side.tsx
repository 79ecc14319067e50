import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, EmptyState, Spinner } from '../../components/ui/feedback.js';
import { errorMessage } from '../../lib/form-errors.js';
import { RelativeTime } from '../../components/content/relative-time.js';
import { useLanguage } from '../../lib/use-language.js';
import { type LibraryState, type SearchSort, bodyFilters, searchParamsFromStored } from './library-filters.js';
import { useCreateSavedSearch, useSearchHistory } from './use-cases-api.js';
import { formatNumber } from '../../lib/format.js';

/** "Save this search": a name, then the query, filters and sort are stored for the signed-in reader. */
export function SaveSearchForm({ state }: { state: LibraryState<SearchSort> }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState(state.q);
  const [missingName, setMissingName] = useState(false);
  const save = useCreateSavedSearch();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setMissingName(true);
      return;
    }
    setMissingName(false);
    const filters = bodyFilters(state);
    save.mutate({ name: name.trim(), search: { q: state.q, ...(Object.keys(filters).length > 0 ? { filters } : {}), sort: state.sort } });
  };
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('useCases.savedSearches.saveTitle')}</h2>
      <form className="form form--compact" onSubmit={submit} noValidate>
        <div className={`field${missingName ? ' field--invalid' : ''}`}>
          <label htmlFor={`${id}-name`}>{t('useCases.savedSearches.name')}</label>
          <input
            id={`${id}-name`}
            dir="auto"
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={missingName || undefined}
            aria-describedby={missingName ? `${id}-error` : undefined}
          />
          {missingName ? (
            <p className="field__error" id={`${id}-error`}>
              {t('useCases.savedSearches.nameRequired')}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('useCases.savedSearches.save')}
        </button>
      </form>
      {save.isError ? <Alert tone="error">{errorMessage(t, save.error)}</Alert> : null}
      {save.isSuccess ? (
        <Alert tone="success">
          {t('useCases.savedSearches.savedAs', { name: save.data.name })}{' '}
          <Link to="/use-cases/saved-searches">{t('useCases.nav.savedSearches')}</Link>
        </Alert>
      ) : null}
    </section>
  );
}

/** The reader's recent searches, each one link away from running again. */
export function SearchHistoryPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const history = useSearchHistory();
  return (
    <section className="card" aria-labelledby="search-history-heading">
      <h2 id="search-history-heading">{t('useCases.history.title')}</h2>
      {history.isPending ? <Spinner /> : null}
      {history.isError ? <Alert tone="error">{errorMessage(t, history.error)}</Alert> : null}
      {history.data && history.data.items.length === 0 ? <EmptyState>{t('useCases.history.empty')}</EmptyState> : null}
      {history.data && history.data.items.length > 0 ? (
        <ul className="history-list">
          {history.data.items.map((item) => (
            <li key={`${item.searchedAt}-${item.q}`}>
              <Link
                to={`/use-cases/search?${searchParamsFromStored(item.q, item.filters, typeof item.filters.sort === 'string' ? item.filters.sort : undefined).toString()}`}
              >
                <bdi>{item.q}</bdi>
              </Link>
              <span className="muted">
                {t('useCases.history.results', { count: formatNumber(item.resultsCount, language) })} ·{' '}
                <RelativeTime value={item.searchedAt} />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
