import type { ForumCategory, ForumTopicSummary } from '@p2p/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SelectField, TextField } from '../../../components/ui/field.js';
import { Alert, EmptyState, Spinner } from '../../../components/ui/feedback.js';
import { Pagination } from '../../../components/ui/pagination.js';
import { errorMessage } from '../../../lib/form-errors.js';
import { formatNumber } from '../../../lib/format.js';
import { type TopicFilters, useTopics } from '../api.js';
import { TOPIC_SORTS } from '../constants.js';
import { categoryName } from '../format.js';
import { useLanguage } from '../../../lib/use-language.js';
import { AuthorLine } from '../../../components/content/author.js';
import { RelativeTime } from '../../../components/content/relative-time.js';
import { TopicBadges } from './topic-badges.js';

const FILTER_KEYS = ['categoryId', 'solved', 'pinned', 'from', 'to', 'sort'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type Draft = Record<FilterKey, string>;

/** The topic filters as they stand in the address (so a filtered list can be shared and survives a reload). */
export function readTopicFilters(params: URLSearchParams): TopicFilters {
  const page = Number(params.get('page'));
  const sort = params.get('sort') ?? '';
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    categoryId: params.get('categoryId') ?? '',
    solved: ['true', 'false'].includes(params.get('solved') ?? '') ? params.get('solved')! : '',
    pinned: ['true', 'false'].includes(params.get('pinned') ?? '') ? params.get('pinned')! : '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    sort: (TOPIC_SORTS as readonly string[]).includes(sort) ? sort : '',
  };
}

function draftOf(filters: TopicFilters): Draft {
  return {
    categoryId: filters.categoryId,
    solved: filters.solved,
    pinned: filters.pinned,
    from: filters.from,
    to: filters.to,
    sort: filters.sort,
  };
}

function Count({ label, value }: { label: string; value: number }) {
  const language = useLanguage();
  return (
    <span className="topic-row__count">
      {label}: <strong>{formatNumber(value, language)}</strong>
    </span>
  );
}

function TopicRow({ topic, category }: { topic: ForumTopicSummary; category: ForumCategory | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <li className={`topic-row${topic.pinned ? ' topic-row--pinned' : ''}`}>
      <div className="topic-row__main">
        <h3 className="topic-row__title">
          <Link to={`/forum/topics/${topic.id}`}>{topic.title}</Link>
          <TopicBadges pinned={topic.pinned} locked={topic.locked} solved={topic.solved} />
        </h3>
        <p className="topic-row__meta muted">
          <AuthorLine author={topic.author} />
          {category ? <span> · {categoryName(category, language)}</span> : null}
        </p>
      </div>
      <div className="topic-row__stats">
        <Count label={t('forum.replies')} value={topic.postsCount} />
        <Count label={t('forum.views')} value={topic.viewsCount} />
        <Count label={t('forum.likes')} value={topic.likesCount} />
        <span className="topic-row__activity muted">
          {t('forum.lastActivity')} <RelativeTime value={topic.lastActivityAt} />
        </span>
      </div>
    </li>
  );
}

function TopicFilterForm({
  filters,
  categories,
  onApply,
  onClear,
}: {
  filters: TopicFilters;
  categories: ForumCategory[];
  onApply: (draft: Draft) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState<Draft>(draftOf(filters));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const set = (k: FilterKey) => (event: { target: { value: string } }) => setDraft({ ...draft, [k]: event.target.value });
  const any = { value: '', label: t('forum.filters.any') };
  return (
    <form className="card filters" onSubmit={onSubmit} aria-label={t('forum.filters.label')}>
      <SelectField
        label={t('forum.filters.category')}
        value={draft.categoryId}
        onChange={set('categoryId')}
        options={[
          { value: '', label: t('forum.filters.allCategories') },
          ...categories.map((c) => ({ value: c.id, label: categoryName(c, language) })),
        ]}
      />
      <SelectField
        label={t('forum.filters.status')}
        value={draft.solved}
        onChange={set('solved')}
        options={[any, { value: 'true', label: t('forum.filters.solved') }, { value: 'false', label: t('forum.filters.unsolved') }]}
      />
      <SelectField
        label={t('forum.filters.pinned')}
        value={draft.pinned}
        onChange={set('pinned')}
        options={[any, { value: 'true', label: t('forum.filters.pinnedOnly') }, { value: 'false', label: t('forum.filters.notPinned') }]}
      />
      <TextField label={t('forum.filters.from')} type="date" value={draft.from} onChange={set('from')} max={draft.to || undefined} />
      <TextField label={t('forum.filters.to')} type="date" value={draft.to} onChange={set('to')} min={draft.from || undefined} />
      <SelectField
        label={t('forum.filters.sort')}
        value={draft.sort}
        onChange={set('sort')}
        options={TOPIC_SORTS.map((s) => ({ value: s === 'activity' ? '' : s, label: t(`forum.sorts.${s}`) }))}
      />
      <div className="filters__actions">
        <button type="submit" className="button button--primary">
          {t('forum.filters.apply')}
        </button>
        <button type="button" className="button" onClick={onClear}>
          {t('forum.filters.clear')}
        </button>
      </div>
    </form>
  );
}

/** Topics with filters and sort kept in the address (so a filtered list can be shared and survives a reload), pinned first, paged. */
export function TopicList({ categories }: { categories: ForumCategory[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const filters = readTopicFilters(params);
  const topics = useTopics(filters);
  const byId = new Map(categories.map((c) => [c.id, c]));

  const apply = (next: Partial<TopicFilters>) => {
    const merged = { ...filters, ...next };
    const out = new URLSearchParams();
    for (const k of FILTER_KEYS) if (merged[k]) out.set(k, merged[k]);
    if (merged.page > 1) out.set('page', String(merged.page));
    setParams(out);
  };

  return (
    <section className="stack" aria-labelledby="topics-heading">
      {/* Keyed by the filters, so the form follows the address when it changes from outside (a category link, back). */}
      <TopicFilterForm
        key={FILTER_KEYS.map((k) => filters[k]).join('|')}
        filters={filters}
        categories={categories}
        onApply={(draft) => apply({ ...draft, page: 1 })}
        onClear={() => setParams(new URLSearchParams())}
      />
      <div className="card">
        <h2 id="topics-heading">
          {topics.data ? t('forum.topicsCount', { count: formatNumber(topics.data.total, language) }) : t('forum.topics')}
        </h2>
        {topics.isPending ? <Spinner /> : null}
        {topics.isError ? <Alert tone="error">{errorMessage(t, topics.error)}</Alert> : null}
        {topics.data ? (
          topics.data.items.length === 0 ? (
            <EmptyState>{params.toString() ? t('forum.noTopicsFiltered') : t('forum.noTopics')}</EmptyState>
          ) : (
            <ul className="topic-list" aria-busy={topics.isFetching}>
              {topics.data.items.map((topic) => (
                <TopicRow key={topic.id} topic={topic} category={filters.categoryId ? undefined : byId.get(topic.categoryId)} />
              ))}
            </ul>
          )
        ) : null}
        {topics.data ? <Pagination page={topics.data.page} totalPages={topics.data.totalPages} onPage={(page) => apply({ page })} /> : null}
      </div>
    </section>
  );
}
