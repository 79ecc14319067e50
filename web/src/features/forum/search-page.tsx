import type { ForumCategory, ForumSearchHit } from '@p2p/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SelectField, TextField } from '../../components/ui/field.js';
import { Alert, EmptyState, Spinner } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { Pagination } from '../../components/ui/pagination.js';
import { errorMessage } from '../../lib/form-errors.js';
import { formatNumber } from '../../lib/format.js';
import { type SearchParams, useCategories, useSearch } from './api.js';
import { AuthorLine } from '../../components/content/author.js';
import { Highlighted } from '../../components/content/highlighted.js';
import { RelativeTime } from '../../components/content/relative-time.js';
import { SearchBox } from './components/search-box.js';
import { SEARCH_SCOPES, SEARCH_SORTS } from './constants.js';
import { categoryName } from './format.js';
import { useLanguage } from '../../lib/use-language.js';

const FILTER_KEYS = ['scope', 'categoryId', 'from', 'to', 'sort'] as const;
type Filters = Record<(typeof FILTER_KEYS)[number], string>;

function readSearch(params: URLSearchParams): SearchParams {
  const page = Number(params.get('page'));
  const pick = (key: string, allowed: readonly string[]) => {
    const value = params.get(key) ?? '';
    return allowed.includes(value) ? value : '';
  };
  return {
    q: params.get('q') ?? '',
    scope: pick('scope', SEARCH_SCOPES),
    categoryId: params.get('categoryId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    sort: pick('sort', SEARCH_SORTS),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function hitLink(hit: ForumSearchHit) {
  return hit.kind === 'post' && hit.postId ? `/forum/topics/${hit.topicId}#post-${hit.postId}` : `/forum/topics/${hit.topicId}`;
}

function Hit({ hit, category }: { hit: ForumSearchHit; category: ForumCategory | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <li className="hit">
      <h3 className="hit__title">
        <Link to={hitLink(hit)}>
          <Highlighted parts={hit.title} />
        </Link>
        {hit.solved ? <span className="badge badge--solved">{t('forum.solved')}</span> : null}
      </h3>
      <p className="hit__kind muted">
        {t(`forum.search.hitKind.${hit.kind}`)}
        {category ? ` · ${categoryName(category, language)}` : null}
      </p>
      {hit.excerpt.length > 0 ? (
        <p className="hit__excerpt">
          <Highlighted parts={hit.excerpt} />
        </p>
      ) : null}
      <p className="hit__meta muted">
        <AuthorLine author={hit.author} /> · <RelativeTime value={hit.createdAt} /> · {t('forum.likes')}:{' '}
        {formatNumber(hit.likesCount, language)}
      </p>
    </li>
  );
}

function Filters({ initial, categories, onApply }: { initial: Filters; categories: ForumCategory[]; onApply: (filters: Filters) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState(initial);
  const set = (key: keyof Filters) => (event: { target: { value: string } }) => {
    const next = { ...draft, [key]: event.target.value };
    setDraft(next);
    if (key === 'scope' || key === 'categoryId' || key === 'sort') onApply(next);
  };
  return (
    <fieldset className="filters search-filters">
      <legend className="visually-hidden">{t('forum.filters.label')}</legend>
      <SelectField
        label={t('forum.search.scope')}
        value={draft.scope}
        onChange={set('scope')}
        options={SEARCH_SCOPES.map((s) => ({ value: s === 'all' ? '' : s, label: t(`forum.search.scopes.${s}`) }))}
      />
      <SelectField
        label={t('forum.filters.category')}
        value={draft.categoryId}
        onChange={set('categoryId')}
        options={[
          { value: '', label: t('forum.filters.allCategories') },
          ...categories.map((c) => ({ value: c.id, label: categoryName(c, language) })),
        ]}
      />
      <TextField
        label={t('forum.filters.from')}
        type="date"
        value={draft.from}
        onChange={set('from')}
        onBlur={() => onApply(draft)}
        max={draft.to || undefined}
      />
      <TextField
        label={t('forum.filters.to')}
        type="date"
        value={draft.to}
        onChange={set('to')}
        onBlur={() => onApply(draft)}
        min={draft.from || undefined}
      />
      <SelectField
        label={t('forum.filters.sort')}
        value={draft.sort}
        onChange={set('sort')}
        options={SEARCH_SORTS.map((s) => ({ value: s === 'relevance' ? '' : s, label: t(`forum.search.sorts.${s}`) }))}
      />
    </fieldset>
  );
}

export function SearchPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const categories = useCategories();
  const results = useSearch(search);
  const byId = new Map((categories.data?.items ?? []).map((c) => [c.id, c]));

  const go = (next: Partial<SearchParams>) => {
    const merged = { ...search, page: 1, ...next };
    const out = new URLSearchParams();
    if (merged.q) out.set('q', merged.q);
    for (const key of FILTER_KEYS) if (merged[key]) out.set(key, merged[key]);
    if (merged.page > 1) out.set('page', String(merged.page));
    setParams(out);
  };
  const filters: Filters = { scope: search.scope, categoryId: search.categoryId, from: search.from, to: search.to, sort: search.sort };

  return (
    <div className="stack">
      <nav aria-label={t('forum.breadcrumb')} className="breadcrumb">
        <Link to="/forum">{t('forum.title')}</Link>
      </nav>
      <PageTitle>{search.q ? t('forum.search.titleFor', { q: search.q }) : t('forum.search.title')}</PageTitle>
      <div className="card">
        <SearchBox key={search.q} initialValue={search.q} onSearch={(q) => go({ q })} className="search-box search-box--page">
          <Filters
            key={FILTER_KEYS.map((k) => filters[k]).join('|')}
            initial={filters}
            categories={categories.data?.items ?? []}
            onApply={(f) => go(f)}
          />
        </SearchBox>
      </div>
      <section className="card" aria-labelledby="results-heading" aria-busy={results.isFetching}>
        <h2 id="results-heading">{t('forum.search.results')}</h2>
        {!search.q ? <EmptyState>{t('forum.search.prompt')}</EmptyState> : null}
        {search.q && results.isPending ? <Spinner /> : null}
        {results.isError ? <Alert tone="error">{errorMessage(t, results.error)}</Alert> : null}
        {search.q && results.data ? (
          <>
            <p className="muted" role="status">
              {t('forum.search.summary', {
                count: formatNumber(results.data.total, language),
                ms: formatNumber(Math.round(results.data.tookMs), language),
              })}
            </p>
            {results.data.items.length === 0 ? (
              <EmptyState title={t('forum.search.noResultsTitle')}>{t('forum.search.noResults')}</EmptyState>
            ) : (
              <ol className="hits" start={(results.data.page - 1) * results.data.pageSize + 1}>
                {results.data.items.map((hit) => (
                  <Hit key={`${hit.kind}-${hit.postId ?? hit.topicId}`} hit={hit} category={byId.get(hit.categoryId)} />
                ))}
              </ol>
            )}
            <Pagination page={results.data.page} totalPages={results.data.totalPages} onPage={(page) => go({ page })} />
          </>
        ) : null}
      </section>
    </div>
  );
}
